namespace LeadOps.Domain.Conversations;

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

    Other,
}
