namespace LeadOps.Application.Conversations;

/// <summary>
/// The current user's conversations and their messages (owner filtering is applied by the data layer). Status moves
/// that race with webhook receipts (a send completing while its echo or delivery arrives) are single conditional
/// updates, so neither side can undo the other.
/// </summary>
public interface IConversationRepository
{
    /// <summary>Tracked; null when unknown or someone else's.</summary>
    Task<Conversation?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Tracked; the conversation with this customer on this page, if any.</summary>
    Task<Conversation?> FindAsync(string pageId, string psid, CancellationToken cancellationToken);

    /// <summary>Tracked; the most recently active conversation with this customer on any page.</summary>
    Task<Conversation?> FindLatestByPsidAsync(string psid, CancellationToken cancellationToken);

    void Add(Conversation conversation);

    Task<bool> MessageExistsAsync(string mid, CancellationToken cancellationToken);

    /// <summary>Tracked; the message Meta knows by this id, if LeadOps stored it.</summary>
    Task<MessengerMessage?> FindMessageAsync(string mid, CancellationToken cancellationToken);

    /// <summary>Tracked, with its attachments.</summary>
    Task<MessengerMessage?> GetMessageAsync(long id, CancellationToken cancellationToken);

    /// <summary>One of the user's stored files (untracked); null when unknown.</summary>
    Task<StoredFile?> GetStoredFileAsync(Guid id, CancellationToken cancellationToken);

    Task<MessengerMessage?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken);

    void AddMessage(MessengerMessage message);

    /// <summary>
    /// Saves everything pending. False when a unique key was taken meanwhile (the same webhook event processed twice at
    /// once, or the same conversation started twice): nothing is saved, everything is forgotten, and the caller starts over.
    /// </summary>
    Task<bool> TrySaveAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Saves a new staff reply together with everything else pending. False when a reply with the same idempotency key
    /// was stored first (a double click racing itself): nothing is saved and the caller answers with the stored one.
    /// </summary>
    Task<bool> TryAddReplyAsync(MessengerMessage message, CancellationToken cancellationToken);

    /// <summary>Failed → Sending for a retry begun <paramref name="at"/>, with the new plan; false when it is not failed any more (another retry won).</summary>
    Task<bool> TryClaimRetryAsync(long messageId, ReplyPlan plan, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Meta accepted the message: stores its id; Sending/Failed become Sent, a receipt seen first is kept.</summary>
    Task CompleteSendAsync(long messageId, string mid, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Sending → Failed with the reason, for a send that reached Meta (now or on an earlier try); false when the reply is no longer Sending (Meta's
    /// echo showed it sent while its send was waiting for an answer; a receipt never moves a Sending reply), and then it is
    /// left as it is.
    /// </summary>
    Task<bool> FailSendAsync(long messageId, SendFailure kind, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Whether a reply Meta took without a confirmation is still Sending, as a conditional update that changes nothing
    /// (so an echo's claim waits for the caller's unit); false when Meta's echo showed it sent first.
    /// </summary>
    Task<bool> KeepSendingAsync(long messageId, CancellationToken cancellationToken);

    /// <summary>
    /// Fails a reply Meta was never asked to send, whatever an echo with its words made of it. Such an echo was another
    /// send's (the page's own message with the same words): its id and time are taken off the reply and returned, so the
    /// caller keeps it as the page message it is; null when no echo had claimed it.
    /// </summary>
    Task<EchoTakenBack?> FailUnsentAsync(long messageId, SendFailure kind, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// The reply an echo of a message Meta did not tell LeadOps the id of yet may claim, without claiming it; null when
    /// none. An echo whose metadata names a reply (<paramref name="namedReply"/>) may claim that reply only, whatever its
    /// words: the reply of another user of the page is not this user's, so it claims none. Otherwise it is the oldest staff
    /// reply of the conversation with the same <paramref name="text"/> and no id: a Sending one first, else one that failed
    /// without Meta saying no (a temporary failure or an internal error, after which Meta may have it); never one Meta refused.
    /// </summary>
    Task<long?> FindEchoClaimAsync(Guid conversationId, string text, long? namedReply, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the reply for the echo in the next <see cref="TrySaveAsync"/>: it takes the echo's id and becomes Sent, if it
    /// is still Sending, else if it failed without Meta saying no (<see cref="EchoClaim.WasFailed"/>). The claim is made in
    /// one transaction with what else the save writes (the echo's attachments): <paramref name="claimed"/> runs once the
    /// claim holds, before the rows are written. A claim that no longer holds saves nothing and the save answers false (look again).
    /// </summary>
    void ClaimEchoOnSave(long messageId, string mid, DateTimeOffset at, Action<EchoClaim> claimed);

    /// <summary>A delivery or read receipt: outbound messages named by id, or sent up to the watermark, move forward. Returns how many moved.</summary>
    Task<int> ApplyReceiptAsync(Guid conversationId, MessageStatus receipt, IReadOnlyCollection<string> mids, DateTimeOffset? watermark, DateTimeOffset at, CancellationToken cancellationToken);
}
