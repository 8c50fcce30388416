namespace LeadOps.Domain.Conversations;

/// <summary>
/// One word of a conversation, normalised (<see cref="SearchText"/>): from the customer's name, their PSID or a message.
/// The Inbox's search reads these by word through an index instead of reading messages (ADR 0020). A word may be stored
/// more than once for a conversation; the search counts conversations, not rows.
/// </summary>
public sealed class ConversationSearchTerm : IOwnedByUser
{
    public long Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public Guid ConversationId { get; set; }

    public string Term { get; set; } = string.Empty;

    /// <summary>A row for each word of <paramref name="text"/>.</summary>
    public static IEnumerable<ConversationSearchTerm> For(string ownerId, Guid conversationId, string? text) =>
        SearchText.Terms(text).Select(t => new ConversationSearchTerm { OwnerId = ownerId, ConversationId = conversationId, Term = t });
}
