namespace LeadOps.Application.Conversations.Commands;

/// <summary>Staff mark the conversation resolved; it goes back to the bot if the customer writes again.</summary>
public sealed record ResolveConversation(Guid ConversationId) : ICommand<Result<ConversationView>>;

internal sealed class ResolveConversationHandler(ConversationTransition transition, TimeProvider clock)
    : ICommandHandler<ResolveConversation, Result<ConversationView>>
{
    public async ValueTask<Result<ConversationView>> Handle(ResolveConversation command, CancellationToken cancellationToken) =>
        await transition.ApplyAsync(command.ConversationId, c => c.Resolve(clock.GetUtcNow()), cancellationToken);
}
