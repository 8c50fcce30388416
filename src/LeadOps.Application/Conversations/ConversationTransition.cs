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
    public async Task<Result<ConversationView>> ApplyAsync(Guid conversationId, Action<Conversation> transition, CancellationToken ct) =>
        await ApplyAsync(conversationId, c => Changed(transition, c), null, ct);

    /// <summary>
    /// As above; when the transition changed something, <paramref name="then"/> runs after the save (a call to Meta that
    /// follows the change, e.g. thread control) and what it recorded is saved too.
    /// </summary>
    public async Task<Result<ConversationView>> ApplyAsync(Guid conversationId, Func<Conversation, bool> transition, Func<Conversation, CancellationToken, Task>? then, CancellationToken ct)
    {
        var conversation = await conversations.GetAsync(conversationId, ct);
        return conversation is null
            ? Result<ConversationView>.NotFound("Conversation not found")
            : await ApplyAsync(conversation, transition, then, ct);
    }

    public Task<Result<ConversationView>> ApplyAsync(Conversation conversation, Action<Conversation> transition, CancellationToken ct) =>
        ApplyAsync(conversation, c => Changed(transition, c), null, ct);

    private async Task<Result<ConversationView>> ApplyAsync(Conversation conversation, Func<Conversation, bool> transition, Func<Conversation, CancellationToken, Task>? then, CancellationToken ct)
    {
        var changed = transition(conversation);
        await unitOfWork.SaveChangesAsync(ct);
        if (changed && then is not null)
        {
            await then(conversation, CancellationToken.None);
            await unitOfWork.SaveChangesAsync(CancellationToken.None);
        }

        var pages = await readModel.GetPageNamesAsync(ct);
        return Result<ConversationView>.Ok(ConversationView.From(conversation, pages.GetValueOrDefault(conversation.PageId), clock.GetUtcNow(), options));
    }

    private static bool Changed(Action<Conversation> transition, Conversation conversation)
    {
        transition(conversation);
        return true;
    }
}
