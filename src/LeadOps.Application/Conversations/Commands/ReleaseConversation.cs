namespace LeadOps.Application.Conversations.Commands;

/// <summary>Staff give the conversation back to the bot; with a bot app configured, thread control passes to it (ADR 0012).</summary>
public sealed record ReleaseConversation(Guid ConversationId) : ICommand<Result<ConversationView>>;

internal sealed class ReleaseConversationHandler(ConversationTransition transition, ThreadHandover handover)
    : ICommandHandler<ReleaseConversation, Result<ConversationView>>
{
    public async ValueTask<Result<ConversationView>> Handle(ReleaseConversation command, CancellationToken cancellationToken) =>
        await transition.ApplyAsync(command.ConversationId, c => c.Release(), handover.PassToBotAsync, cancellationToken);
}
