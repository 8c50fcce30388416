namespace LeadOps.Application.Conversations;

/// <summary>What a thread's messages refer to: the messages they quote (by mid) and LeadOps' stored files (by id).</summary>
public sealed record ThreadExtras(IReadOnlyDictionary<string, QuotedMessage> Quotes, IReadOnlyDictionary<Guid, StoredFile> Files)
{
    public static ThreadExtras None { get; } = new(new Dictionary<string, QuotedMessage>(), new Dictionary<Guid, StoredFile>());
}
