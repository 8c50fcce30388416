namespace LeadOps.Application.Conversations;

/// <summary>A message as the thread shows it.</summary>
public sealed record MessageView(
    long Id,
    MessageDirection Direction,
    MessageSender Sender,
    string SenderLabel,
    string Text,
    MessageStatus Status,
    string StatusText,
    SendFailure? FailureKind,
    string? FailureReason,
    string? MessagingType,
    string? Tag,
    DateTimeOffset At,
    bool CanRetry,
    string? Mid)
{
    public static MessageView From(MessengerMessage m) => new(
        m.Id, m.Direction, m.Sender, InboxText.Sender(m), m.Text, m.Status, InboxText.Status(m.Status), m.FailureKind,
        m.FailureReason, m.MessagingType, m.Tag, m.At, m.CanRetry, m.Mid);
}
