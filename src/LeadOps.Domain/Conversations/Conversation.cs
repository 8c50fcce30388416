using LeadOps.Domain.Conversations.Events;

namespace LeadOps.Domain.Conversations;

/// <summary>
/// A Messenger conversation between one of the owner's pages and one customer (page-scoped id, PSID). The bot answers
/// until it escalates; then staff take it, reply from LeadOps, and release or resolve it. Its state changes only
/// through its methods, which raise the events the audit trail and the live Inbox follow (ADR 0008). What happens to
/// its messages (arriving, echoed, staff replies) is in Conversation.Messages.cs.
/// </summary>
public sealed partial class Conversation : Entity, IOwnedByUser
{
    public const int PreviewLength = 200;
    public const int ReasonLength = 500;
    public const int AssignedToNameLength = 256;

    public Guid Id { get; private set; } = Guid.NewGuid();

    public string OwnerId { get; set; } = string.Empty;

    /// <summary>The integration the conversation arrived through (the page's token is used to answer).</summary>
    public int IntegrationId { get; private set; }

    public string PageId { get; private set; } = string.Empty;

    /// <summary>The customer's page-scoped id: the Send API's recipient.</summary>
    public string Psid { get; private set; } = string.Empty;

    public ConversationState State { get; private set; } = ConversationState.Bot;

    public string? AssignedToUserId { get; private set; }

    public string? AssignedToName { get; private set; }

    public string? EscalationReason { get; private set; }

    public DateTimeOffset? EscalatedAt { get; private set; }

    /// <summary>
    /// When the customer last wrote, or last did something else that opens Messenger's window (a reaction, coming back
    /// through an m.me link): Meta's timestamp; the messaging window counts from here.
    /// </summary>
    public DateTimeOffset? LastCustomerMessageAt { get; private set; }

    /// <summary>Since when the customer has been waiting for an answer; null when the last word was the page's.</summary>
    public DateTimeOffset? WaitingSince { get; private set; }

    public DateTimeOffset LastMessageAt { get; private set; }

    /// <summary>
    /// The Inbox's order within a state, as one stored number so that the list reads its index in order and stops at
    /// the page: customers waiting for an answer first, longest waiting first (the tick of <see cref="WaitingSince"/>),
    /// then the others, latest message first (above every waiting key, falling as <see cref="LastMessageAt"/> rises).
    /// Derived from those two; the setter exists only for the store to materialize it.
    /// </summary>
    public long InboxOrder
    {
        get => InboxOrderOf(WaitingSince, LastMessageAt);
        private set => _ = value;
    }

    public static long InboxOrderOf(DateTimeOffset? waitingSince, DateTimeOffset lastMessageAt) =>
        waitingSince is { } since ? since.UtcTicks : NotWaitingBase - lastMessageAt.UtcTicks;

    /// <summary>Twice the largest tick count: every not-waiting key is above every waiting one.</summary>
    private static readonly long NotWaitingBase = 2 * DateTimeOffset.MaxValue.UtcTicks;

    public string? LastMessagePreview { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>The customer's name from their Messenger profile; "Customer …0001" (the PSID's end) until Meta gives it.</summary>
    public string CustomerLabel => CustomerName ?? CustomerLabelOf(Psid);

    public static string CustomerLabelOf(string psid) => psid.Length > 4 ? $"Customer …{psid[^4..]}" : $"Customer {psid}";

    public static Conversation Start(int integrationId, string pageId, string psid, DateTimeOffset now)
    {
        var conversation = new Conversation
        {
            IntegrationId = integrationId,
            PageId = pageId,
            Psid = psid,
            CreatedAt = now,
            LastMessageAt = now,
        };
        conversation.Raise(new ConversationStarted(conversation));
        return conversation;
    }

    public MessagingWindow WindowAt(DateTimeOffset now, bool useHumanAgentTag) =>
        MessagingWindow.At(LastCustomerMessageAt, now, useHumanAgentTag);

    /// <summary>
    /// Whether a reply by <paramref name="author"/> may go out now and how. A person may use the HUMAN_AGENT tag from
    /// 24 hours to 7 days; automated messages never carry it. Beyond that, nothing is sent.
    /// </summary>
    public ReplyPlan PlanReply(MessageSender author, DateTimeOffset now, bool useHumanAgentTag)
    {
        var person = author is MessageSender.Staff or MessageSender.PageInbox;
        var window = WindowAt(now, useHumanAgentTag && person);
        switch (window.Kind)
        {
            case WindowKind.Standard:
                return ReplyPlan.Send(ReplyType.Response);
            case WindowKind.HumanAgent:
                return ReplyPlan.Send(ReplyType.HumanAgentTag);
        }

        if (LastCustomerMessageAt is not { } last)
        {
            return ReplyPlan.Refuse("The customer has not written to the page yet: Messenger lets a page answer only after the customer writes.");
        }

        var age = now - last;
        if (age >= MessagingWindow.HumanAgentLength)
        {
            return ReplyPlan.Refuse("The customer's last message is more than 7 days old: Messenger allows no reply now. The customer has to write again first.");
        }

        return person
            ? ReplyPlan.Refuse("The customer's last message is more than 24 hours old and replying with the human agent tag is turned off.")
            : ReplyPlan.Refuse("The customer's last message is more than 24 hours old: automated messages can only be sent within 24 hours.");
    }

    /// <summary>The customer wrote. A replayed or late message never moves the window backwards.</summary>
    public void RecordCustomerMessage(string preview, DateTimeOffset at)
    {
        OpenWindow(at);
        WaitingSince ??= at;
        if (State == ConversationState.Resolved)
        {
            // A resolved conversation that comes back goes to the bot first, as a new one would.
            State = ConversationState.Bot;
            ResolvedAt = null;
        }

        Touch(preview, at);
    }

    /// <summary>
    /// The customer did something that opens Messenger's 24-hour window (a message, a tap, a reaction, coming back through
    /// an m.me link): it counts from the latest such action; a replayed or late one never moves it backwards.
    /// </summary>
    private void OpenWindow(DateTimeOffset at)
    {
        if (LastCustomerMessageAt is null || at > LastCustomerMessageAt)
        {
            LastCustomerMessageAt = at;
        }
    }

    /// <summary>The page answered (staff, bot, or Meta's inbox): the customer is no longer waiting.</summary>
    public void RecordPageMessage(string preview, DateTimeOffset at)
    {
        if (WaitingSince is { } since && at >= since)
        {
            WaitingSince = null;
        }

        Touch(preview, at);
    }

    /// <summary>The bot (or staff) hands the conversation to a person. Already with a person: nothing changes.</summary>
    public bool Escalate(string? reason, DateTimeOffset now)
    {
        var changed = State is not (ConversationState.NeedsHuman or ConversationState.HumanActive);
        if (changed)
        {
            State = ConversationState.NeedsHuman;
            EscalationReason = Truncate(reason, ReasonLength);
            EscalatedAt = now;
            ResolvedAt = null;
            WaitingSince ??= now;
        }

        Raise(new ConversationEscalated(this, changed, EscalationReason));
        return changed;
    }

    /// <summary>A staff member takes the conversation. Already theirs: nothing changes.</summary>
    public bool Take(string userId, string? userName)
    {
        var changed = State != ConversationState.HumanActive || AssignedToUserId != userId;
        if (changed)
        {
            AssignTo(userId, userName);
        }

        Raise(new ConversationTaken(this, changed));
        return changed;
    }

    /// <summary>Back to the bot.</summary>
    public bool Release()
    {
        var changed = State != ConversationState.Bot;
        if (changed)
        {
            State = ConversationState.Bot;
            AssignedToUserId = null;
            AssignedToName = null;
            EscalationReason = null;
        }

        Raise(new ConversationReleased(this, changed));
        return changed;
    }

    public bool Resolve(DateTimeOffset now)
    {
        var changed = State != ConversationState.Resolved;
        if (changed)
        {
            State = ConversationState.Resolved;
            ResolvedAt = now;
            WaitingSince = null;
        }

        Raise(new ConversationResolved(this, changed));
        return changed;
    }

    /// <summary>With a person: a staff member, or (no user) whoever answers in <see cref="PageInboxName"/>.</summary>
    private void AssignTo(string? userId, string? userName)
    {
        State = ConversationState.HumanActive;
        AssignedToUserId = userId;
        AssignedToName = Truncate(userName, AssignedToNameLength);
        ResolvedAt = null;
    }

    private void Touch(string preview, DateTimeOffset at)
    {
        if (at >= LastMessageAt || LastMessagePreview is null)
        {
            LastMessageAt = at > LastMessageAt ? at : LastMessageAt;
            LastMessagePreview = Truncate(preview, PreviewLength);
        }
    }

    private static string? Truncate(string? text, int length)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        return text.Length <= length ? text : text[..(length - 1)] + "…";
    }
}
