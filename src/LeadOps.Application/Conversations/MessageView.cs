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
    public MessageKind Kind { get; init; }

    public IReadOnlyList<AttachmentView> Attachments { get; init; } = [];

    public string? PostbackPayload { get; init; }

    public string? QuickReplyPayload { get; init; }

    /// <summary>The quoted message, when this one is a reply to another.</summary>
    public QuotedMessage? ReplyTo { get; init; }

    public bool IsEdited { get; init; }

    public int EditCount { get; init; }

    /// <summary>The text as first written, when the customer edited it.</summary>
    public string? OriginalText { get; init; }

    public DateTimeOffset? EditedAt { get; init; }

    public MessageReaction? Reaction { get; init; }

    /// <summary>A reply still Sending long after it was written: Meta may have it without LeadOps knowing (<see cref="MessengerMessage.ConfirmationWait"/>).</summary>
    public bool Unconfirmed { get; init; }

    public static MessageView From(MessengerMessage m) => From(m, ThreadExtras.None);

    public static MessageView From(MessengerMessage m, ThreadExtras extras) => new(
        m.Id, m.Direction, m.Sender, InboxText.Sender(m), m.Text, m.Status, InboxText.Status(m.Status), m.FailureKind,
        m.FailureReason, m.MessagingType, m.Tag, m.At, m.CanRetry, m.Mid)
    {
        Kind = m.Kind,
        Attachments = [.. m.Attachments.OrderBy(a => a.Position).Select(a => AttachmentView.From(a, extras.Files))],
        PostbackPayload = m.PostbackPayload,
        QuickReplyPayload = m.QuickReplyPayload,
        ReplyTo = m.ReplyToMid is { } mid ? extras.Quotes.GetValueOrDefault(mid) ?? new QuotedMessage(mid, null, null) : null,
        IsEdited = m.IsEdited,
        EditCount = m.EditCount,
        OriginalText = m.OriginalText,
        EditedAt = m.EditedAt,
        Reaction = m.ReactionEmoji is { } emoji ? new MessageReaction(emoji, m.ReactionName, m.ReactedAt) : null,
    };
}
