namespace LeadOps.Domain.Conversations;

// The enums of the Conversations aggregate: first the conversation's (who answers, how long the customer waited, which
// reply the messaging window allows, why a send failed), then its messages' (direction, sender, kind, status, copy).

/// <summary>
/// Who is answering a conversation. The numeric values are the Inbox's order: conversations that need a person come
/// first, resolved ones last.
/// </summary>
public enum ConversationState
{
    /// <summary>The bot escalated it (the brief's <c>requires_human</c>): a person should answer.</summary>
    NeedsHuman = 0,

    /// <summary>A staff member has taken it.</summary>
    HumanActive = 1,

    /// <summary>The bot answers.</summary>
    Bot = 2,

    Resolved = 3,
}

/// <summary>How long a customer has waited, against the thresholds a staff member set: fine, amber, red.</summary>
public enum WaitingLevel
{
    None = 0,
    Fine = 1,
    Amber = 2,
    Red = 3,
}

public enum WindowKind
{
    /// <summary>Within 24 h of the customer's last message: any reply, messaging_type RESPONSE.</summary>
    Standard,

    /// <summary>24 h to 7 days: only a person's reply, as MESSAGE_TAG with tag HUMAN_AGENT.</summary>
    HumanAgent,

    /// <summary>Beyond 7 days (or no customer message yet): no reply until the customer writes again.</summary>
    Closed,
}

/// <summary>How a reply goes out on the Send API.</summary>
public enum ReplyType
{
    Response,
    HumanAgentTag,
}

/// <summary>Why a send failed, in terms the Inbox can act on (e.g. offer "Reconnect" for an invalid token).</summary>
public enum SendFailure
{
    /// <summary>Refused before calling Meta: the messaging window is closed.</summary>
    WindowClosed,

    /// <summary>Meta said the message is outside the messaging window (10 / 2018278).</summary>
    OutsideWindow,

    /// <summary>Meta said the person is not available (551), e.g. they blocked the page.</summary>
    RecipientUnavailable,

    /// <summary>The page token is expired or revoked (190): reconnect the page.</summary>
    TokenInvalid,

    PermissionMissing,

    RateLimited,

    /// <summary>Facebook had a temporary problem even after the retries.</summary>
    Temporary,

    /// <summary>The page is no longer connected (integration deleted or disabled).</summary>
    PageNotConnected,

    /// <summary>Meta blocked the page from messaging (policy enforcement): nothing is sent until Meta lifts it.</summary>
    PageBlocked,

    /// <summary>
    /// The file staff attached is no longer stored, so Meta was not asked to send the reply (nor, before, on a try Meta
    /// may have taken): no echo is this reply's (ADR 0007).
    /// </summary>
    FileGone,

    Other,
}

public enum MessageDirection
{
    Inbound,
    Outbound,
}

/// <summary>Who wrote a message.</summary>
public enum MessageSender
{
    Customer,

    /// <summary>Automated: the bot (an echo of a message LeadOps did not send).</summary>
    Bot,

    /// <summary>A LeadOps staff member, from the Inbox or the API.</summary>
    Staff,

    /// <summary>Someone answering in Meta's own inbox (an echo from the Page inbox app, or without an app id).</summary>
    PageInbox,

    /// <summary>No one: a note about the thread (a handover, a referral, an opt-in, thread control LeadOps asked for).</summary>
    System,
}

/// <summary>What a row of the thread is: something someone wrote, a tap on a button, or a note about the conversation.</summary>
public enum MessageKind
{
    /// <summary>A message with text and/or attachments (the customer's, staff's, the bot's or Meta's inbox's).</summary>
    Message = 0,

    /// <summary>The customer tapped a button (Get Started, a postback button, the persistent menu).</summary>
    Postback = 1,

    /// <summary>The customer came from an ad, an m.me link or another referral while the thread was open.</summary>
    Referral = 2,

    /// <summary>Thread control moved between apps (pass, take, request).</summary>
    Handover = 3,

    /// <summary>The customer opted in to (or changed) notification messages.</summary>
    Optin = 4,

    /// <summary>Something LeadOps did or learned about the thread (e.g. thread control it asked Meta for).</summary>
    Note = 5,

    /// <summary>A staff member's note for colleagues: kept in LeadOps, never sent to Meta.</summary>
    InternalNote = 6,
}

/// <summary>
/// Where a message stands. Outbound messages move forward only (Sending → Sent → Delivered → Read); Failed can go back
/// to Sending through a retry. Inbound messages are Received.
/// </summary>
public enum MessageStatus
{
    Received = 0,
    Sending = 1,
    Sent = 2,
    Delivered = 3,
    Read = 4,
    Failed = 5,
}

/// <summary>Whether LeadOps keeps its own copy of an attachment (Meta's links expire).</summary>
public enum AttachmentCopy
{
    /// <summary>Nothing to copy: a location, a link, a template, or an attachment without a URL.</summary>
    None = 0,

    /// <summary>LeadOps keeps a copy, served to the conversation's owner only.</summary>
    Copied = 1,

    /// <summary>Larger than <c>Attachments:MaxCopyBytes</c>: only Meta's link is kept.</summary>
    TooLarge = 2,

    /// <summary>The copy could not be made (the link failed or is not Meta's): only Meta's link is kept.</summary>
    Failed = 3,
}
