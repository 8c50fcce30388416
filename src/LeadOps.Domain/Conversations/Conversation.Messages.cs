using LeadOps.Domain.Conversations.Events;

namespace LeadOps.Domain.Conversations;

/// <summary>The conversation's messages: what arrives from the webhook, and what becomes of a staff reply.</summary>
public sealed partial class Conversation
{
    /// <summary>
    /// A customer's message arrived from the webhook: the new inbound message, with its attachments, quick-reply payload
    /// and the message it quotes. The caller has made sure <paramref name="mid"/> is not stored yet.
    /// </summary>
    public MessengerMessage ReceiveCustomerMessage(string mid, string text, DateTimeOffset at, IEnumerable<MessageAttachment>? attachments = null, string? quickReplyPayload = null, string? replyToMid = null)
    {
        var message = MessengerMessage.FromCustomer(Id, mid, text, at);
        message.QuickReplyPayload = MessengerMessage.Payload(quickReplyPayload);
        message.ReplyToMid = replyToMid;
        message.Attach(attachments ?? []);
        NoteContacts(text);
        RecordCustomerMessage(message.Preview, at);
        Raise(new CustomerMessageReceived(this, message));
        return message;
    }

    /// <summary>
    /// An edit of a customer's message LeadOps never received (written before the page was connected, or Meta's delivery of
    /// it still to come): their words as they now stand, as their message under its id, marked edited, dated by the edit
    /// (the message's own time is not in the event). Like the message it stands for, it opens the window.
    /// </summary>
    public MessengerMessage ReceiveEditedMessage(string mid, string text, int editCount, DateTimeOffset at)
    {
        var message = ReceiveCustomerMessage(mid, text, at);
        message.EditCount = Math.Max(editCount, 1);
        message.EditedAt = at;
        return message;
    }

    /// <summary>The customer tapped a button: like a message, it opens the 24-hour window and waits for an answer.</summary>
    public MessengerMessage ReceivePostback(string mid, string? title, string? payload, DateTimeOffset at)
    {
        var message = MessengerMessage.FromPostback(Id, mid, title, payload, at);
        RecordCustomerMessage(message.Text, at);
        Raise(new CustomerMessageReceived(this, message));
        return message;
    }

    /// <summary>An echo of a message the page sent that LeadOps did not send (the bot, or Meta's inbox): the new outbound message.</summary>
    public MessengerMessage RecordEcho(MessageSender sender, string mid, string text, DateTimeOffset at, IEnumerable<MessageAttachment>? attachments = null)
    {
        var message = MessengerMessage.FromEcho(Id, sender, mid, text, at);
        message.Attach(attachments ?? []);
        RecordPageMessage(message.Preview, at);
        Raise(new PageMessageEchoed(this, message));
        return message;
    }

    /// <summary>
    /// Meta's echo of a reply LeadOps sent that its metadata names but that is not there to claim: one LeadOps sent for
    /// another user who connected the same page (<paramref name="ownReply"/> null: shown as a colleague's reply, not the
    /// bot's), or the late echo of an earlier attempt of this user's reply that was sent again (its author's: the customer
    /// has it twice).
    /// </summary>
    public MessengerMessage RecordLeadOpsEcho(MessengerMessage? ownReply, string mid, string text, DateTimeOffset at, IEnumerable<MessageAttachment>? attachments = null)
    {
        var message = RecordEcho(MessageSender.Staff, mid, text, at, attachments);
        message.SenderUserId = ownReply?.SenderUserId;
        message.SenderName = ownReply is null ? MessengerMessage.ColleagueSenderName : ownReply.SenderName;
        return message;
    }

    /// <summary>The customer edited one of their messages: the thread shows the new text, marked edited, with the old one kept.</summary>
    public void EditMessage(MessengerMessage message, string text, int editCount, DateTimeOffset at)
    {
        if (message.Edit(text, editCount, at))
        {
            if (message.At >= LastMessageAt)
            {
                LastMessagePreview = Truncate(message.Preview, PreviewLength);
            }

            Raise(new MessageChanged(this, message));
        }
    }

    /// <summary>
    /// The customer reacted to a message (or took the reaction back). A reaction opens Messenger's window (Meta's messaging
    /// policy: "User reacts to a message"); taking one back does not.
    /// </summary>
    public void ReactTo(MessengerMessage message, string? emoji, string? name, bool unreact, DateTimeOffset at)
    {
        if (!unreact)
        {
            OpenWindow(at);
        }

        if (message.React(emoji, name, unreact, at))
        {
            Raise(new MessageChanged(this, message));
        }
    }

    /// <summary>
    /// The customer reacted to a message LeadOps does not have (one the page sent before LeadOps was connected, or whose
    /// echo never came): there is nothing to show the reaction on, but it opens the window all the same.
    /// </summary>
    public void RecordReactionToUnknownMessage(DateTimeOffset at)
    {
        OpenWindow(at);
        Raise(new ConversationDetailsChanged(this));
    }

    /// <summary>
    /// An echo of a LeadOps reply whose send answer was not recorded yet: the store gave the reply Meta's id. A reply
    /// recorded as failed that the echo shows went out is told apart (<see cref="FailedReplyEchoed"/>).
    /// </summary>
    public void RecordClaimedEcho(string text, DateTimeOffset at, long messageId, bool wasFailed)
    {
        RecordPageMessage(text, at);
        Raise(new ConversationMessagesMovedOn(this));
        if (wasFailed)
        {
            Raise(new FailedReplyEchoed(this, messageId));
        }
    }

    /// <summary>A delivery or read receipt moved some of the conversation's messages forward in the store.</summary>
    public void RecordReceipt() => Raise(new ConversationMessagesMovedOn(this));

    /// <summary>
    /// A staff member writes a reply, planned against the window now (a refused plan stores it as Failed). A reply that may
    /// go out takes the conversation for its writer (reopening a resolved one); the reply's own record tells of that, not a
    /// separate "taken". A refused one changes nothing of the conversation: it stays as it was (resolved, in the queue,
    /// with its assignee), with the failed reply and its audit row.
    /// </summary>
    public MessengerMessage WriteReply(string userId, string? userName, string text, string idempotencyKey, ReplyPlan plan, string? note, DateTimeOffset now, MessageAttachment? attachment = null)
    {
        var message = MessengerMessage.StaffReply(Id, userId, userName, text, idempotencyKey, now);
        if (attachment is not null)
        {
            message.Attach([attachment]);
        }

        message.Plan(plan);
        if (plan.Allowed && (State != ConversationState.HumanActive || AssignedToUserId is null))
        {
            AssignTo(userId, userName);
        }

        Raise(new ReplyWritten(this, message));
        if (!plan.Allowed)
        {
            Raise(new ReplyRefused(this, message, ReplyAttempt.First(note), plan.Refusal!));
        }

        return message;
    }

    /// <summary>A retry of a failed reply that the window no longer allows: the message fails again with the reason.</summary>
    public void RefuseRetry(MessengerMessage message, ReplyPlan plan)
    {
        message.Fail(SendFailure.WindowClosed, plan.Refusal!);
        Raise(new ReplyRefused(this, message, ReplyAttempt.Retry, plan.Refusal!));
    }

    /// <summary>A failed reply was claimed for another attempt (the store set it back to Sending).</summary>
    public void RecordRetryStarted(MessengerMessage message)
    {
        // A reply that goes out takes the conversation for its writer, as a first allowed reply does (a refused first
        // attempt took nothing: WriteReply).
        if (message.SenderUserId is { } writer && (State != ConversationState.HumanActive || AssignedToUserId is null))
        {
            AssignTo(writer, message.SenderName);
        }

        Raise(new ReplyRetryStarted(this, message));
    }

    /// <summary>Meta accepted a staff reply (the store recorded its id): the customer is no longer waiting.</summary>
    public void RecordReplySent(MessengerMessage message, ReplyPlan plan, ReplyAttempt attempt, DateTimeOffset at)
    {
        RecordPageMessage(message.Preview, at);
        Raise(new ReplySent(this, message, attempt, plan));
    }

    /// <summary>Meta took a staff reply without a confirmation (it stays Sending): the customer is no longer waiting.</summary>
    public void RecordReplyUnconfirmed(MessengerMessage message, ReplyPlan plan, ReplyAttempt attempt, DateTimeOffset at)
    {
        RecordPageMessage(message.Preview, at);
        Raise(new ReplyUnconfirmed(this, message, attempt, plan));
    }

    /// <summary>
    /// A staff reply whose send ended without Meta's word (a timeout, an error, or "Received invalid JSON reply." after
    /// Meta sent it) had been shown sent by Meta's echo before that: it was sent. The echo recorded it on the conversation already; this tells of how the send ended.
    /// </summary>
    public void RecordReplyEchoedFirst(MessengerMessage message, ReplyPlan plan, ReplyAttempt attempt) =>
        Raise(new ReplySent(this, message, attempt, plan, EchoedFirst: true));

    /// <summary>
    /// Takes back how a send of this reply ended, raised and not saved yet: a unit of work that records the outcome and
    /// is run again (the database's retry of a transient failure) records it once, as the attempt that committed saw it.
    /// </summary>
    public void ForgetSendOutcome(MessengerMessage message) =>
        Unraise(e => (e is ReplyFailed f && f.Message == message) || (e is ReplySent s && s.Message == message) || (e is ReplyUnconfirmed u && u.Message == message));

    /// <summary>A staff reply was not sent (the store marked it Failed).</summary>
    public void RecordReplyFailed(MessengerMessage message, SendFailure kind, string reason, ReplyAttempt attempt) =>
        Raise(new ReplyFailed(this, message, attempt, kind, reason));
}
