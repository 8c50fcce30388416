namespace LeadOps.Application.Common.Graph;

/// <summary>Graph failures in plain words, with what to do about them.</summary>
public static class GraphFailureText
{
    /// <summary>
    /// Why Facebook refused a token someone just pasted (connecting a page, or giving a connected one a new token): what
    /// to do is to paste another token, not to "reconnect" a page that may never have been connected.
    /// </summary>
    public static string DescribeNewToken(GraphFailure failure) => failure.Kind switch
    {
        GraphFailureKind.TokenInvalid => "The token is expired, was revoked or is not a page access token: create a new page access token and paste it here.",
        GraphFailureKind.PermissionMissing => failure.MissingPermission is { } p
            ? $"The token is missing the {p} permission: create a new page access token with it granted."
            : "The token is missing a permission LeadOps needs: create a new page access token with the permissions granted.",
        _ => Describe(failure),
    };

    /// <summary>Why a page whose stored token LeadOps cannot read needs reconnecting.</summary>
    public const string TokenUnreadable = "LeadOps cannot read this page's stored token (the keys that protected it have changed): reconnect the page.";

    /// <summary>Why a dataset whose stored Conversions API access token LeadOps cannot read needs reconnecting (ADR 0013).</summary>
    public const string DatasetTokenUnreadable =
        "LeadOps cannot read this dataset's stored access token (the keys that protected it have changed): reconnect the dataset by linking it again with a new access token.";

    /// <summary>What went wrong in plain words; where the words are LeadOps' own, Meta's title for the refusal follows when it gives one.</summary>
    public static string Describe(GraphFailure failure)
    {
        var text = DescribeKind(failure);
        return failure.UserTitle is { } title && !text.Contains(title, StringComparison.Ordinal)
            ? $"{text} Facebook says: “{title}”."
            : text;
    }

    private static string DescribeKind(GraphFailure failure) => failure.Kind switch
    {
        GraphFailureKind.TokenInvalid when failure.TokenUnreadable => TokenUnreadable,
        GraphFailureKind.TokenInvalid => "The page token is expired or was revoked: reconnect the page.",
        GraphFailureKind.PermissionMissing when failure.AppNotLive =>
            $"Meta lets this app message only people with a role on the app (admins, developers, testers) until its {failure.MissingPermission ?? "pages_messaging"} permission passes App Review and the app is Live: reconnecting the page does not change that.",
        GraphFailureKind.PermissionMissing => failure.MissingPermission is { } p
            ? $"The page token is missing the {p} permission: reconnect the page with it granted."
            : "The page token is missing a permission: reconnect the page with the required permissions.",
        GraphFailureKind.RateLimited when failure.LimitsOnePerson => failure.RetryAfter is { } until
            ? $"Facebook is limiting messages to this person until {until:yyyy-MM-dd HH:mm} UTC: try again after that."
            : "Facebook is limiting messages to this person for now: try again later.",
        GraphFailureKind.RateLimited => failure.RetryAfter is { } at
            ? $"Facebook is rate limiting this page until {at:yyyy-MM-dd HH:mm} UTC: try again after that."
            : "Facebook is rate limiting this page: try again in a few minutes.",
        GraphFailureKind.Transient when failure.OutcomeUnknown =>
            "Facebook did not say whether it sent this message: if it did, it is marked sent as soon as Facebook confirms it; retry only if it stays failed.",
        GraphFailureKind.Transient => "Facebook had a temporary problem: try again in a few minutes.",
        GraphFailureKind.InvalidRequest => $"Facebook rejected the request: {failure.Message}",
        GraphFailureKind.OutsideMessagingWindow => "The customer's last message is too old to answer (outside Messenger's messaging window).",
        GraphFailureKind.RecipientUnavailable => "This person isn't available right now (they may have blocked the page).",
        GraphFailureKind.Blocked => "Facebook blocked the request for policy reasons.",
        _ => $"Facebook answered with an error: {failure.Message}",
    };
}
