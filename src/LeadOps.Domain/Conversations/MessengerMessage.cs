using System.Linq.Expressions;

namespace LeadOps.Domain.Conversations;

/// <summary>
/// One message of a conversation. Messages Meta knows carry its id (<see cref="Mid"/>), which keeps each stored once
/// however often a webhook is replayed. A staff reply carries an idempotency key, so a double click or a retry never
/// sends twice. Never logged: it holds what customers and staff wrote.
/// </summary>
public sealed partial class MessengerMessage : IOwnedByUser
{
    /// <summary>Messenger's limit for one text message.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>The longest idempotency key a caller may give.</summary>
    public const int IdempotencyKeyLength = 100;

    public const int MidLength = 200;

    public const int SenderNameLength = 256;

    /// <summary>Postback and quick-reply payloads (Meta allows 1000 characters).</summary>
    public const int PayloadLength = 1000;

    /// <summary>Column limit of <see cref="MessagingType"/> (RESPONSE, UPDATE or MESSAGE_TAG).</summary>
    public const int MessagingTypeLength = 20;

    /// <summary>Column limit of <see cref="Tag"/> (Meta's message tags, such as HUMAN_AGENT).</summary>
    public const int TagLength = 40;

    public long Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public Guid ConversationId { get; set; }

    public MessageDirection Direction { get; set; }

    public MessageSender Sender { get; set; }

    /// <summary>A message, a tap on a button, or a note about the thread (handover, referral, opt-in).</summary>
    public MessageKind Kind { get; set; }

    /// <summary>The staff member who wrote it (staff replies only).</summary>
    public string? SenderUserId { get; set; }

    public string? SenderName { get; set; }

    public string Text { get; set; } = string.Empty;

    /// <summary>Meta's message id (<c>mid</c> / <c>message_id</c>); null until Meta accepted an outbound message.</summary>
    public string? Mid { get; set; }

    public MessageStatus Status { get; set; }

    /// <summary>RESPONSE or MESSAGE_TAG, as sent.</summary>
    public string? MessagingType { get; set; }

    /// <summary>HUMAN_AGENT when the reply went out with the tag.</summary>
    public string? Tag { get; set; }

    public string? IdempotencyKey { get; set; }

    public SendFailure? FailureKind { get; set; }

    /// <summary>Why the send failed, in plain words.</summary>
    public string? FailureReason { get; set; }

    /// <summary>When it was written (Meta's timestamp for webhook events, LeadOps' clock for staff replies).</summary>
    public DateTimeOffset At { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>When LeadOps last set out to send a staff reply: when it was written, or its latest retry began.</summary>
    public DateTimeOffset? LastAttemptAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>How many times LeadOps called the Send API for it.</summary>
    public int Attempts { get; set; }

    /// <summary>Images, files, locations, links… in Meta's order (loaded with the message only where needed).</summary>
    public List<MessageAttachment> Attachments { get; private set; } = [];

    /// <summary>
    /// How long a reply may stay Sending, from its latest attempt, before LeadOps says Meta has not confirmed it (the Graph
    /// client gives up within 3 minutes; Meta's echo usually follows in seconds): past it, the customer may have it
    /// without LeadOps knowing.
    /// </summary>
    public static readonly TimeSpan ConfirmationWait = TimeSpan.FromMinutes(5);

    public bool IsUnconfirmedAt(DateTimeOffset now) =>
        Status == MessageStatus.Sending && Direction == MessageDirection.Outbound && now - (LastAttemptAt ?? At) >= ConfirmationWait;

    public bool CanRetry => Status == MessageStatus.Failed && Direction == MessageDirection.Outbound && Sender == MessageSender.Staff;

    public static MessengerMessage FromCustomer(Guid conversationId, string mid, string text, DateTimeOffset at) =>
        Received(conversationId, MessageKind.Message, MessageSender.Customer, mid, text, at);

    /// <summary>
    /// What came in to the thread (<see cref="MessageStatus.Received"/>): the customer's message or tap, a note about the
    /// thread, a staff member's internal note (no Meta id).
    /// </summary>
    private static MessengerMessage Received(Guid conversationId, MessageKind kind, MessageSender sender, string? mid, string text, DateTimeOffset at) => new()
    {
        ConversationId = conversationId,
        Kind = kind,
        Direction = MessageDirection.Inbound,
        Sender = sender,
        Mid = mid,
        Text = text,
        Status = MessageStatus.Received,
        At = at,
    };

    /// <summary>An echo of a message the page sent that LeadOps did not send (the bot, or Meta's inbox).</summary>
    public static MessengerMessage FromEcho(Guid conversationId, MessageSender sender, string mid, string text, DateTimeOffset at) => new()
    {
        ConversationId = conversationId,
        Direction = MessageDirection.Outbound,
        Sender = sender,
        Mid = mid,
        Text = text,
        Status = MessageStatus.Sent,
        At = at,
        SentAt = at,
    };

    /// <summary>A staff member's reply, about to be sent (or refused, see <see cref="Fail"/>).</summary>
    public static MessengerMessage StaffReply(Guid conversationId, string userId, string? userName, string text, string idempotencyKey, DateTimeOffset now) => new()
    {
        ConversationId = conversationId,
        Direction = MessageDirection.Outbound,
        Sender = MessageSender.Staff,
        SenderUserId = userId,
        SenderName = userName,
        Text = text,
        IdempotencyKey = idempotencyKey,
        Status = MessageStatus.Sending,
        At = now,
        LastAttemptAt = now,
    };

    /// <summary>Records the plan a send is made with (or the refusal that stops it before Meta is called).</summary>
    public void Plan(ReplyPlan plan)
    {
        if (plan.Allowed)
        {
            MessagingType = plan.MessagingType;
            Tag = plan.Tag;
            Status = MessageStatus.Sending;
            FailureKind = null;
            FailureReason = null;
            Attempts++;
        }
        else
        {
            Fail(SendFailure.WindowClosed, plan.Refusal!);
        }
    }

    public void Fail(SendFailure kind, string reason)
    {
        Status = MessageStatus.Failed;
        FailureKind = kind;
        FailureReason = TextLimit.Cut(reason);
    }

    /// <summary>
    /// The messages a receipt (delivered, read) moves forward: only those Meta accepted (Sent or later; one still
    /// sending may yet fail) and only forward. The store applies it as a query.
    /// </summary>
    public static Expression<Func<MessengerMessage, bool>> MovedForwardBy(MessageStatus receipt) =>
        m => (m.Status == MessageStatus.Sent || m.Status == MessageStatus.Delivered) && m.Status < receipt;
}
