namespace LeadOps.Domain.Conversations;

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

    Other,
}
