namespace LeadOps.Application.Conversations.Commands;

/// <summary>The acting staff member takes the conversation (Human active, assigned to them).</summary>
public sealed record TakeConversation(Guid ConversationId) : ICommand<Result<ConversationView>>;

internal sealed class TakeConversationHandler(ConversationTransition transition, ActingStaff staff)
    : ICommandHandler<TakeConversation, Result<ConversationView>>
{
    public async ValueTask<Result<ConversationView>> Handle(TakeConversation command, CancellationToken cancellationToken)
    {
        var (userId, name) = await staff.GetAsync(cancellationToken);
        return await transition.ApplyAsync(command.ConversationId, c => c.Take(userId, name), cancellationToken);
    }
}
