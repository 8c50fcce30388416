namespace LeadOps.Application.Conversations;

/// <summary>
/// The one way a staff action changes a conversation: load it (another user's is not found), apply the transition,
/// save, and answer with how it looks now. The transition's event writes the audit row in that save and pushes the
/// change to the open Inbox pages after it (ADR 0008).
/// </summary>
internal sealed class ConversationTransition(
    IConversationRepository conversations,
    IInboxReadModel readModel,
    IUnitOfWork unitOfWork,
    MessengerOptions options,
    TimeProvider clock)
{
    public async Task<Result<ConversationView>> ApplyAsync(Guid conversationId, Action<Conversation> transition, CancellationToken ct)
    {
        var conversation = await conversations.GetAsync(conversationId, ct);
        return conversation is null
            ? Result<ConversationView>.NotFound("Conversation not found")
            : await ApplyAsync(conversation, transition, ct);
    }

    public async Task<Result<ConversationView>> ApplyAsync(Conversation conversation, Action<Conversation> transition, CancellationToken ct)
    {
        transition(conversation);
        await unitOfWork.SaveChangesAsync(ct);
        var pages = await readModel.GetPageNamesAsync(ct);
        return Result<ConversationView>.Ok(ConversationView.From(conversation, pages.GetValueOrDefault(conversation.PageId), clock.GetUtcNow(), options.UseHumanAgentTag));
    }
}
