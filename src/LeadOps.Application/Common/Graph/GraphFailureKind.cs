namespace LeadOps.Application.Common.Graph;

/// <summary>What kind of failure Graph reported; callers branch on this, never on HTTP status.</summary>
public enum GraphFailureKind
{
    Transient,
    RateLimited,
    TokenInvalid,
    PermissionMissing,
    InvalidRequest,
    OutsideMessagingWindow,
    RecipientUnavailable,
    Blocked,
    Unknown,
}
