using LeadOps.Application.Conversations.Commands;

namespace LeadOps.Application.Conversations;

/// <summary>Steps the webhook's recorders share: find or start the conversation, and tell a replayed event from a new one.</summary>
internal static class ConversationLookup
{
    /// <summary>The conversation with this customer on this page; a new one (tracked, not saved) when there is none yet.</summary>
    public static async Task<Conversation> GetOrStartAsync(this IConversationRepository conversations, int integrationId, MessengerWebhookEvent e, CancellationToken ct)
    {
        var conversation = await conversations.FindAsync(e.PageId, e.Psid, ct);
        if (conversation is null)
        {
            conversation = Conversation.Start(integrationId, e.PageId, e.Psid, e.Timestamp);
            conversations.Add(conversation);
        }

        return conversation;
    }

    /// <summary>An event without an id is ignored; one whose message is stored already is a duplicate (a replay); null: new.</summary>
    public static async Task<MessengerEventOutcome?> AlreadyStoredAsync(this IConversationRepository conversations, string? mid, CancellationToken ct) =>
        string.IsNullOrEmpty(mid) ? MessengerEventOutcome.Ignored
        : await conversations.MessageExistsAsync(mid, ct) ? MessengerEventOutcome.Duplicate
        : null;

    /// <summary>The customer's message an edit or a reaction is about, with its conversation; null when LeadOps does not have it.</summary>
    public static async Task<(Conversation Conversation, MessengerMessage Message)?> FindTargetAsync(this IConversationRepository conversations, MessengerWebhookEvent e, CancellationToken ct) =>
        await conversations.LookUpTargetAsync(e, ct) is ({ } message, { } conversation) ? (conversation, message) : null;

    /// <summary>
    /// What LeadOps stores under the <c>mid</c> an edit or a reaction names, in one lookup: the message (null when there is
    /// none), and its conversation when that is the event's own (the same page and customer), else null.
    /// </summary>
    public static async Task<(MessengerMessage? Message, Conversation? Conversation)> LookUpTargetAsync(this IConversationRepository conversations, MessengerWebhookEvent e, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(e.Mid) || await conversations.FindMessageAsync(e.Mid, ct) is not { } message)
        {
            return (null, null);
        }

        var conversation = await conversations.GetAsync(message.ConversationId, ct);
        return (message, conversation is null || conversation.PageId != e.PageId || conversation.Psid != e.Psid ? null : conversation);
    }
}
