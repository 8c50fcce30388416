namespace LeadOps.Application.Conversations.Commands;

/// <summary>
/// The acting staff member takes the conversation (Human active, assigned to them); with a bot app configured, LeadOps
/// takes thread control when it does not hold it (ADR 0012).
/// </summary>
public sealed record TakeConversation(Guid ConversationId) : ICommand<Result<ConversationView>>;

internal sealed class TakeConversationHandler(ConversationTransition transition, ThreadHandover handover, ActingStaff staff)
    : ICommandHandler<TakeConversation, Result<ConversationView>>
{
    public async ValueTask<Result<ConversationView>> Handle(TakeConversation command, CancellationToken cancellationToken)
    {
        var (userId, name) = await staff.GetAsync(cancellationToken);
        return await transition.ApplyAsync(command.ConversationId, c => c.Take(userId, name), handover.TakeAsync, cancellationToken);
    }
}
