using System.Text.RegularExpressions;

namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// Turns a Graph error into a <see cref="GraphFailure"/>. Classification is by <c>error.code</c> (and subcode), never by
/// HTTP status alone: Meta throttles with HTTP 400. The status only decides when there is no error body.
/// </summary>
internal static partial class GraphErrorClassifier
{
    private const int OutsideMessagingWindowSubcode = 2018278;

    /// <summary>The Send API's older "sent outside of allowed window" (code 10; it names a permission, but the window is what failed).</summary>
    private const int OutsideAllowedWindowSubcode = 2018065;

    /// <summary>
    /// "This message is sent outside of allowed window." (code 10) as the Send API answers it for Instagram conversations
    /// (<c>IGApiException</c>, recorded by integrators) and public projects classify it for pages: the window, not a permission.
    /// </summary>
    private const int OutsideWindowSubcode = 2534022;

    /// <summary>The Send API's "This person isn't receiving messages from you right now" (code 10, or 200 with 1545041): one person, not the page.</summary>
    private const int CannotReceiveSubcode = 2018108;

    private const int NotReceivingSubcode = 1545041;

    /// <summary>
    /// The Send API's "Cannot message users who are not admins, developers or testers of the app until pages_messaging
    /// (2018028) / pages_messaging_phone_number (2018027) permission is reviewed and the app is live." (code 200 in Meta's
    /// table, 10 as integrators record it): the app, not the token, lacks the approval.
    /// </summary>
    private static readonly int[] AppNotLiveSubcodes = [2018028, 2018027];

    /// <summary>The Send API's "Temporary send message failure. Please try again later.", sent without <c>is_transient</c>.</summary>
    internal const int TemporarySendFailureCode = 1200;

    /// <summary>
    /// Messenger's "Received invalid JSON reply." (code 1): the messages were all sent, yet the call failed. Sending
    /// again would send them twice, so it is not retried (the echo, when it comes, marks the reply sent).
    /// </summary>
    private const int InvalidJsonReplySubcode = 1357046;

    /// <summary>"An unknown error occurred" with subcode 99 (code 1): a missing permission or a wrong parameter, not an outage.</summary>
    private const int UnknownErrorSubcode = 99;

    /// <summary>
    /// Business-use-case throttles: 80000 Ads Insights, 80001 Pages, 80002 Instagram, 80003 Custom Audience, 80004 Ads
    /// Management, 80005 LeadGen, 80006 Messenger, 80008 WhatsApp Business Management, 80009 Catalog Management, 80014
    /// Catalog Batch (the Graph API's rate-limiting page); the codes between are kept in the same class.
    /// </summary>
    private const int BusinessUseCaseThrottleFirst = 80000;

    private const int BusinessUseCaseThrottleLast = 80014;

    /// <summary>
    /// "User is performing too many actions" (Graph's old API_EC_RATE; Messenger's common error codes list it as 9 / 2018352):
    /// a limit that passes, so it is asked again later like the other throttles.
    /// </summary>
    private const int TooManyActionsCode = 9;

    /// <summary>
    /// Limits on what the page may send one person (Messenger's common error codes): 9 / 2018352 "User is performing too
    /// many actions" and 4 / 2018354 "There has to be a minimum delay between 2 notifications for the given notification".
    /// </summary>
    private const int TooManyActionsSubcode = 2018352;

    private const int NotificationDelaySubcode = 2018354;

    /// <summary>
    /// "Unsupported get request. Object with ID '…' does not exist, cannot be loaded due to missing permissions, or does
    /// not support this operation" (code 100).
    /// </summary>
    private const int ObjectMissingSubcode = 33;

    /// <summary>
    /// "(#803) Some of the aliases you requested do not exist: …": a node named by something that is not a numeric id (a
    /// leadgen id with a template placeholder left in), which Graph looked up as an alias and did not find.
    /// </summary>
    private const int AliasMissingCode = 803;

    /// <summary>
    /// "API Method: Capability or permissions issue. Make sure your app has the necessary capability or permissions to make
    /// this call" (graph-api/guides/error-handling); Graph words it "(#3) Application does not have the capability to make
    /// this API call."
    /// </summary>
    private const int ApiMethodCode = 3;

    public static GraphFailure Classify(GraphErrorDto? error, int? httpStatus, GraphUsage usage, TimeSpan? retryAfterHeader, DateTimeOffset now)
    {
        var kind = KindOf(error?.Code, error?.ErrorSubcode, error?.IsTransient, httpStatus);
        var message = Describe(error) ?? DescribeWithoutBody(httpStatus);

        // Code 100 that says which permission the call needs ("This endpoint requires the 'pages_read_engagement'
        // permission …", even beside "Object does not exist"): the permission is missing, not the object.
        var requiredPermission = kind == GraphFailureKind.InvalidRequest ? RequiredPermission(error?.Message) : null;
        if (requiredPermission is not null)
        {
            kind = GraphFailureKind.PermissionMissing;
        }

        // Code 10 with another subcode, or none, in the window's words ("(#10) This message is sent outside of allowed window.
        // Learn more about the new policy here: …", as integrators quote it): that conversation's window, not the page's permissions.
        if (kind == GraphFailureKind.PermissionMissing && error?.Code == 10 && SpeaksOfTheWindow(error.Message))
        {
            kind = GraphFailureKind.OutsideMessagingWindow;
        }

        // Code 3 is also Graph's "Unknown method": a missing permission only when its words say capability or permission.
        if (error?.Code == ApiMethodCode && !SpeaksOfPermission(error.Message))
        {
            kind = GraphFailureKind.Unknown;
        }

        TimeSpan? wait = null;
        if (kind is GraphFailureKind.RateLimited or GraphFailureKind.Transient)
        {
            wait = usage.LongestTimeToRegainAccess ?? (retryAfterHeader > TimeSpan.Zero ? retryAfterHeader : null);
        }

        return new GraphFailure(
            kind,
            error?.Code,
            error?.ErrorSubcode,
            error?.Type,
            message,
            error?.FbtraceId,
            error?.IsTransient,
            httpStatus,
            wait is { } w ? now + w : null,
            kind == GraphFailureKind.PermissionMissing ? requiredPermission ?? ExtractPermission(message) : null)
        {
            UserTitle = TextLimit.Words(error?.ErrorUserTitle),
            ObjectMissing = requiredPermission is null && error is { Code: 100, ErrorSubcode: ObjectMissingSubcode } or { Code: AliasMissingCode },
            DoneAnyway = error is { Code: 1, ErrorSubcode: InvalidJsonReplySubcode },
            TooMuchData = error is { Code: 1 } && AsksForLessData(error),
            NamesAPerson = error is { Code: 100 } && error.Message?.Contains("on node type (User)", StringComparison.Ordinal) == true,
            LimitsOnePerson = kind == GraphFailureKind.RateLimited && error is { Code: TooManyActionsCode, ErrorSubcode: TooManyActionsSubcode } or { Code: 4, ErrorSubcode: NotificationDelaySubcode },
            AppNotLive = kind == GraphFailureKind.PermissionMissing && error?.ErrorSubcode is { } subcode && AppNotLiveSubcodes.Contains(subcode),
        };
    }

    /// <summary>
    /// "Please reduce the amount of data you're asking for, then retry your request": in <c>message</c> (HTTP 500), or
    /// in <c>error_user_title</c>/<c>error_user_msg</c> beside "An unknown error occurred" (subcode 99).
    /// </summary>
    private static bool AsksForLessData(GraphErrorDto error) =>
        new[] { error.Message, error.ErrorUserTitle, error.ErrorUserMsg }
            .Any(words => words?.Contains("reduce the amount of data", StringComparison.OrdinalIgnoreCase) == true);

    public static GraphFailureKind KindOf(int? code, int? subcode, bool? isTransient, int? httpStatus) => code switch
    {
        1 when subcode is InvalidJsonReplySubcode or UnknownErrorSubcode => GraphFailureKind.Unknown,
        1 or 2 or TemporarySendFailureCode => GraphFailureKind.Transient,
        4 or TooManyActionsCode or 17 or 32 or 341 or 613 or (>= BusinessUseCaseThrottleFirst and <= BusinessUseCaseThrottleLast) => GraphFailureKind.RateLimited,
        190 or 102 => GraphFailureKind.TokenInvalid,
        10 when subcode is OutsideMessagingWindowSubcode or OutsideAllowedWindowSubcode or OutsideWindowSubcode => GraphFailureKind.OutsideMessagingWindow,
        551 => GraphFailureKind.RecipientUnavailable,
        10 or 200 when subcode is CannotReceiveSubcode or NotReceivingSubcode => GraphFailureKind.RecipientUnavailable,
        ApiMethodCode or 10 or (>= 200 and <= 299) => GraphFailureKind.PermissionMissing,
        100 => GraphFailureKind.InvalidRequest,
        368 => GraphFailureKind.Blocked,
        _ when subcode is 458 or 459 or 460 or 463 or 464 or 467 => GraphFailureKind.TokenInvalid,
        not null when isTransient == true => GraphFailureKind.Transient,
        not null => httpStatus >= 500 ? GraphFailureKind.Transient : GraphFailureKind.Unknown,
        null => KindOfStatus(httpStatus),
    };

    /// <summary>
    /// The permission named in messages like "(#200) Requires leads_retrieval permission to manage the object", or in the
    /// older "(#298) Requires extended permission: read_mailbox".
    /// </summary>
    public static string? ExtractPermission(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return null;
        }

        var match = RequiresPermission().Match(message);
        if (!match.Success)
        {
            match = ExtendedPermission().Match(message);
        }

        if (!match.Success)
        {
            match = NamedPermission().Match(message);
        }

        return match.Success ? match.Groups["permission"].Value.ToLowerInvariant() : null;
    }

    private static bool SpeaksOfTheWindow(string? message) =>
        message?.Contains("outside of allowed window", StringComparison.OrdinalIgnoreCase) == true;

    private static bool SpeaksOfPermission(string? message) =>
        message is not null && (message.Contains("capability", StringComparison.OrdinalIgnoreCase) || message.Contains("permission", StringComparison.OrdinalIgnoreCase));

    /// <summary>The permission a message says the call requires ("requires the 'x_y' permission"), or null.</summary>
    private static string? RequiredPermission(string? message) =>
        message is not null && RequiresPermission().Match(message) is { Success: true } match ? match.Groups["permission"].Value.ToLowerInvariant() : null;

    /// <summary>No Graph error body: 5xx, 408 and 429 are worth another try, anything else is not understood.</summary>
    private static GraphFailureKind KindOfStatus(int? httpStatus) => httpStatus switch
    {
        null or 408 or >= 500 => GraphFailureKind.Transient,
        429 => GraphFailureKind.RateLimited,
        _ => GraphFailureKind.Unknown,
    };

    /// <summary>
    /// Meta's own words: <c>message</c>, then <c>error_user_title</c> and <c>error_user_msg</c> (the words meant for
    /// people), whichever are there; null when the body says nothing.
    /// </summary>
    private static string? Describe(GraphErrorDto? error)
    {
        var parts = new[] { error?.Message, error?.ErrorUserTitle, error?.ErrorUserMsg }
            .Select(part => TextLimit.Words(part))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return parts.Count == 0 ? null : string.Join(": ", parts);
    }

    private static string DescribeWithoutBody(int? httpStatus) =>
        httpStatus is { } status ? $"HTTP {status} without a Graph error body" : "No answer from Graph";

    [GeneratedRegex(@"\brequires?\s+(?:the\s+)?['""]?(?<permission>[a-z][a-z0-9]*(?:_[a-z0-9]+)+)['""]?\s+permission", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RequiresPermission();

    [GeneratedRegex(@"\bextended\s+permission:\s*['""]?(?<permission>[a-z][a-z0-9]*(?:_[a-z0-9]+)+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExtendedPermission();

    [GeneratedRegex(@"\b(?<permission>[a-z][a-z0-9]*(?:_[a-z0-9]+)+)\s+permission", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedPermission();
}
