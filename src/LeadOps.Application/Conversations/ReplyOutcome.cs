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
    public bool Succeeded => Status is MessageStatus.Sent or MessageStatus.Delivered or MessageStatus.Read;
}
