namespace LeadOps.Application.Common.Graph;

/// <summary>Graph failures in plain words, with what to do about them.</summary>
public static class GraphFailureText
{
    public static string Describe(GraphFailure failure) => failure.Kind switch
    {
        GraphFailureKind.TokenInvalid => "The page token is expired or was revoked: reconnect the page.",
        GraphFailureKind.PermissionMissing => failure.MissingPermission is { } p
            ? $"The page token is missing the {p} permission: reconnect the page with it granted."
            : "The page token is missing a permission: reconnect the page with the required permissions.",
        GraphFailureKind.RateLimited => failure.RetryAfter is { } at
            ? $"Facebook is rate limiting this page until {at:yyyy-MM-dd HH:mm} UTC: try again after that."
            : "Facebook is rate limiting this page: try again in a few minutes.",
        GraphFailureKind.Transient => "Facebook had a temporary problem: try again in a few minutes.",
        GraphFailureKind.InvalidRequest => $"Facebook rejected the request: {failure.Message}",
        GraphFailureKind.OutsideMessagingWindow => "The customer's last message is too old to answer (outside Messenger's messaging window).",
        GraphFailureKind.RecipientUnavailable => "This person isn't available right now (they may have blocked the page).",
        GraphFailureKind.Blocked => "Facebook blocked the request for policy reasons.",
        _ => $"Facebook answered with an error: {failure.Message}",
    };
}
