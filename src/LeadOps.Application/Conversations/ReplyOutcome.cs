namespace LeadOps.Application.Conversations;

/// <summary>What happened to a staff reply. <see cref="Duplicate"/>: the idempotency key was seen before and nothing was sent now.</summary>
public sealed record ReplyOutcome(
    Guid ConversationId,
    long MessageId,
    string RecipientId,
    string Text,
    MessageStatus Status,
    SendFailure? Failure,
    string? Error,
    string? MessagingType,
    string? Tag,
    bool Duplicate)
{
    /// <summary>Meta's id of the reply, once Meta's answer or its echo gave it.</summary>
    public string? Mid { get; init; }

    /// <summary>
    /// A text and a file sent together (the reply box): this is the file's outcome, and this the text's, which went first
    /// and which Meta has (sent, or taken without a confirmation). Sending the text again would send it twice.
    /// </summary>
    public ReplyOutcome? TextPart { get; init; }

    /// <summary>
    /// A text and a file sent together whose text was not sent (this outcome): the name of the file, which was neither sent
    /// nor kept, to be attached again.
    /// </summary>
    public string? FileNotSent { get; init; }

    /// <summary>
    /// The <see cref="Error"/> of a reply Meta took without a confirmation LeadOps could store (its answer unreadable, or
    /// the database failing just then): it stays Sending until Meta's echo of it arrives.
    /// </summary>
    public const string RecordPending = "Messenger took this message, but LeadOps has no confirmation of it yet: it shows as sent once Meta confirms it. Do not send it again.";

    public bool Succeeded => Status is MessageStatus.Sent or MessageStatus.Delivered or MessageStatus.Read;

    /// <summary>Meta took the reply but LeadOps has no confirmation of it stored (<see cref="RecordPending"/>): it stays Sending.</summary>
    public bool Unconfirmed => Status == MessageStatus.Sending && Error == RecordPending;

    /// <summary>The customer has the reply or will: sent, or taken by Meta without a confirmation. Sending it again would send it twice.</summary>
    public bool TakenByMeta => Succeeded || Unconfirmed;
}
