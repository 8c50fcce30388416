namespace LeadOps.Domain.Conversations;

/// <summary>
/// Who is answering a conversation. The numeric values are the Inbox's order: conversations that need a person come
/// first, resolved ones last.
/// </summary>
public enum ConversationState
{
    /// <summary>The bot escalated it (the brief's <c>requires_human</c>): a person should answer.</summary>
    NeedsHuman = 0,

    /// <summary>A staff member has taken it.</summary>
    HumanActive = 1,

    /// <summary>The bot answers.</summary>
    Bot = 2,

    Resolved = 3,
}
