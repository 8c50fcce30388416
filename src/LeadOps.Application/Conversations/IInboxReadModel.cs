namespace LeadOps.Application.Conversations;

/// <summary>
/// Read side of the Inbox for the current user (untracked; owner filtering applied by the data layer). The list is
/// ordered Needs human first, then longest waiting first; each query is one round trip whatever the page size.
/// </summary>
public interface IInboxReadModel
{
    Task<(IReadOnlyList<Conversation> Items, int Total)> ListConversationsAsync(ConversationFilter filter, CancellationToken cancellationToken);

    Task<Conversation?> GetConversationAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="limit"/> messages of a conversation, oldest first, and how many there are in all.</summary>
    Task<(IReadOnlyList<MessengerMessage> Messages, int Total)> GetThreadAsync(Guid conversationId, int limit, CancellationToken cancellationToken);

    /// <summary>Page ids and names of the user's integrations (for labels and the page filter).</summary>
    Task<IReadOnlyDictionary<string, string>> GetPageNamesAsync(CancellationToken cancellationToken);

    Task<(IReadOnlyList<AuditRow> Items, int Total)> ListAuditAsync(int page, int pageSize, CancellationToken cancellationToken);
}
