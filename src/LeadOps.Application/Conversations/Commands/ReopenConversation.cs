namespace LeadOps.Application.Conversations.Commands;

/// <summary>Staff reopen a resolved conversation: it is theirs again (Human active) and the reply box comes back.</summary>
public sealed record ReopenConversation(Guid ConversationId) : ICommand<Result<ConversationView>>;

internal sealed class ReopenConversationHandler(ConversationTransition transition, ActingStaff staff)
    : ICommandHandler<ReopenConversation, Result<ConversationView>>
{
    public async ValueTask<Result<ConversationView>> Handle(ReopenConversation command, CancellationToken cancellationToken)
    {
        var (userId, name) = await staff.GetAsync(cancellationToken);
        return await transition.ApplyAsync(command.ConversationId, c => c.Reopen(userId, name), null, cancellationToken);
    }
}
