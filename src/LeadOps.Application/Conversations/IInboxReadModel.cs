namespace LeadOps.Application.Conversations;

/// <summary>
/// Read side of the Inbox for the current user (untracked; owner filtering applied by the data layer). The list is
/// ordered Needs human first, then longest waiting first; each query is one round trip whatever the page size.
/// </summary>
public interface IInboxReadModel
{
    Task<(IReadOnlyList<Conversation> Items, int Total)> ListConversationsAsync(ConversationFilter filter, CancellationToken cancellationToken);

    Task<Conversation?> GetConversationAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="limit"/> messages of a conversation with their attachments, oldest first, and how many there are in all.</summary>
    Task<(IReadOnlyList<MessengerMessage> Messages, int Total)> GetThreadAsync(Guid conversationId, int limit, CancellationToken cancellationToken);

    /// <summary>The messages these quote and the stored files their attachments (and the customer's picture) use.</summary>
    Task<ThreadExtras> GetThreadExtrasAsync(Guid conversationId, IReadOnlyList<MessengerMessage> messages, CancellationToken cancellationToken);

    /// <summary>Page ids and names of the user's integrations (for labels and the page filter).</summary>
    Task<IReadOnlyDictionary<string, string>> GetPageNamesAsync(CancellationToken cancellationToken);

    Task<(IReadOnlyList<AuditRow> Items, int Total)> ListAuditAsync(int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>The newest of the user's leads that came from this ad, if any.</summary>
    Task<LeadLink?> FindLeadByAdAsync(string adId, CancellationToken cancellationToken);

    /// <summary>Why Meta lets no reply go out from this conversation's page now (policy block), or null.</summary>
    Task<string?> GetMessagingRefusalAsync(int integrationId, CancellationToken cancellationToken);

    /// <summary>One of the user's stored files; null when unknown or someone else's.</summary>
    Task<StoredFile?> GetStoredFileAsync(Guid id, CancellationToken cancellationToken);
}
