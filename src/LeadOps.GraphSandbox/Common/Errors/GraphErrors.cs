namespace LeadOps.GraphSandbox;

/// <summary>The errors Graph answers, with Graph's own wording.</summary>
internal static class GraphErrors
{
    public static GraphError AccessTokenRequired() =>
        new(400, 104, "An access token is required to request this resource.");

    public static GraphError CannotParseToken() =>
        InvalidToken("Invalid OAuth access token - Cannot parse access token");

    public static GraphError PageTokenRequired() =>
        Numbered(400, 190, "This method must be called with a Page Access Token");

    public static GraphError SessionExpired(DateTimeOffset expiredAt, DateTimeOffset now) =>
        InvalidToken($"Error validating access token: Session has expired on {Pacific(expiredAt)}. The current time is {Pacific(now)}.", 463);

    public static GraphError SessionInvalidated() =>
        InvalidToken(
            "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.",
            460);

    /// <summary>Graph's answer to a token it cannot read; like Graph, it repeats the token it was given.</summary>
    public static GraphError MalformedToken(string token) => InvalidToken($"Malformed access token {token}");

    public static GraphError InvalidAppSecretProof() =>
        new(400, 100, "Invalid appsecret_proof provided in the API argument");

    public static GraphError AppSecretProofRequired() =>
        new(400, 100, "API calls from the server require an appsecret_proof argument");

    public static GraphError InvalidAppSecretTime() =>
        new(400, 100, "Invalid appsecret_time provided in the API argument");

    public static GraphError UnknownObject(string id, string method) =>
        new(400, 100,
            $"Unsupported {method} request. Object with ID '{id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
            33);

    /// <summary>
    /// Graph's answer to a node named by something that is not a numeric id, which it looks up as an alias (a username)
    /// and does not find (<c>GET /{leadgen_id}</c> with the placeholder left in, in facebookarchive/php-graph-sdk issue
    /// #1121). The HTTP status is Graph's usual 404 for it (not in Meta's reference text).
    /// </summary>
    public static GraphError UnknownAlias(string alias) =>
        Numbered(404, 803, $"Some of the aliases you requested do not exist: {alias}");

    public static GraphError UnknownPath(string path) =>
        new(400, 2500, $"Unknown path components: {path}");

    public static GraphError NonexistingField(string field, string nodeType) =>
        InvalidParameter($"Tried accessing nonexisting field ({field}) on node type ({nodeType})");

    public static GraphError InvalidParameter(string message, int? subcode = null) => Numbered(400, 100, message, subcode);

    public static GraphError PermissionMissing(string permission) =>
        Numbered(403, 200, $"Requires {permission} permission");

    /// <summary>
    /// Code 100 for a missing permission, in the words integrators report for a page read without it (n8n-io/n8n issue
    /// #24736, <c>leadgen_forms</c> without pages_read_engagement); not in Meta's reference text.
    /// </summary>
    public static GraphError ObjectNeedsPermission(string permission) =>
        InvalidParameter(
            $"Object does not exist, cannot be loaded due to missing permission or reviewable feature, or does not support this operation. This endpoint requires the '{permission}' permission or the 'Page Public Content Access' feature or the 'Page Public Metadata Access' feature. Refer to https://developers.facebook.com/docs/apps/review/login-permissions#manage_pages and https://developers.facebook.com/docs/apps/review/feature#reference-PAGES_ACCESS for details.");

    /// <summary>
    /// The older wording of a missing permission, "(#298) Requires extended permission: read_mailbox" as a PHP Graph client's
    /// tests keep it (SammyK/FacebookQueryBuilder, <c>tests/FacebookQueryBuilderExceptionTest.php</c>); integrators quote it
    /// with code 200 too ("(#200) Requires extended permission: ads_management").
    /// </summary>
    public static GraphError ExtendedPermissionRequired(int code, string permission) =>
        Numbered(403, code, $"Requires extended permission: {permission}");

    /// <summary>Code 3, "API Method" in Meta's error table (graph-api/guides/error-handling): a capability or permissions issue.</summary>
    public static GraphError ApplicationLacksCapability() =>
        Numbered(400, 3, "Application does not have the capability to make this API call.");

    public static GraphError ApplicationPermissionDenied() =>
        Numbered(403, 10, "Application does not have permission for this action");

    public static GraphError PolicyBlocked() =>
        Numbered(400, 368, "The action attempted has been deemed abusive or is otherwise disallowed");

    public static GraphError AppTokenRequired() =>
        InvalidParameter("You must provide an app access token, or a user access token that is an owner or developer of the app");

    public static GraphError MessageTooLong() =>
        InvalidParameter("Length of param message[text] must be less than or equal to 2000");

    public static GraphError NoMatchingUser() => InvalidParameter("No matching user found", 2018001);

    public static GraphError OutsideWindow() =>
        Numbered(400, 10,
            "This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview",
            2018278);

    /// <summary>The User Profile API for an account made with a phone number (messenger-platform/identity/user-profile, "Profile Unavailable").</summary>
    public static GraphError NoProfile() => InvalidParameter("No profile available for this user.", 2018218);

    public static GraphError PersonUnavailable() =>
        Numbered(400, 551, "This person isn't available right now.", 1545041);

    /// <summary>The Send API's "…until pages_messaging permission is reviewed and the app is live." (with code 200, or 10 as integrators record it).</summary>
    public const int AppNotLiveSubcode = 2018028;

    /// <summary>"This message is sent outside of allowed window." with code 10, as integrators record the Send API answering it.</summary>
    public const int OutsideWindowSubcode = 2534022;

    /// <summary>Messenger's common error codes (messenger-platform/error-codes): 9 / 2018352 "User is performing too many actions".</summary>
    public const int TooManyActionsSubcode = 2018352;

    /// <summary>
    /// The Send API's error table (messenger-platform/reference/send-api, "Errors") and Messenger's common error codes
    /// (messenger-platform/error-codes) in Meta's words, by code (and subcode).
    /// </summary>
    public static GraphError SendRefused(int code, int? subcode = null) => code switch
    {
        10 when subcode == OutsideWindowSubcode => new(403, 10, "This message is sent outside of allowed window.", OutsideWindowSubcode),
        10 or 200 when subcode == AppNotLiveSubcode => Numbered(400, code,
            "Cannot message users who are not admins, developers or testers of the app until pages_messaging permission is reviewed and the app is live.",
            AppNotLiveSubcode),
        10 => Numbered(400, 10, "This Person Cannot Receive Messages: This person isn't receiving messages from you right now.", 2018108),
        200 => Numbered(400, 200, "Message Not Sent: This person isn't receiving messages from you right now.", 1545041),
        551 => PersonUnavailable(),
        9 => Numbered(400, 9, "User is performing too many actions", TooManyActionsSubcode),
        _ => Numbered(400, 1200, "Temporary send message failure. Please try again later."),
    };

    /// <summary>Messenger's "Received invalid JSON reply." (1 / 1357046), given after the messages were sent; the HTTP status is not documented.</summary>
    public static GraphError InvalidJsonReply() => new(500, 1, "Received invalid JSON reply.", 1357046);

    /// <summary>A page whose conversations Meta routes itself (a default app under Conversation Routing) refuses handover calls.</summary>
    public static GraphError HandoverDisabled() => Numbered(400, 10, "Handover Protocol APIs disabled for this page");

    /// <summary>
    /// Graph's answer to a call whose answer would be too heavy (a page of many items with large fields); the same call
    /// asking for fewer items passes. Without <c>is_transient</c>: waiting does not help.
    /// </summary>
    public static GraphError TooMuchData() => new(500, 1, "Please reduce the amount of data you're asking for, then retry your request");

    public static GraphError Unknown() => new(500, 1, "An unknown error has occurred.", IsTransient: true);

    public static GraphError Unexpected() =>
        new(500, 2, "An unexpected error has occurred. Please retry your request later.", IsTransient: true);

    /// <summary>A throttle for the given code (4, 17, 32, 613, 80000, 80001, 80004, 80005, 80006, 80014), with its usage-header story.</summary>
    public static GraphError Throttled(int code, string routeUseCase, int estimatedMinutes)
    {
        const string More = " Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.";
        var (message, useCase, appLevel) = code switch
        {
            4 => ("Application request limit reached", routeUseCase, true),
            17 => ("User request limit reached", routeUseCase, true),
            32 => ("Page request limit reached", "pages", false),
            613 => ("Calls to this api have exceeded the rate limit.", routeUseCase, false),
            80000 => ("There have been too many calls from this ad-account." + More, "ads_insights", false),
            80001 => ("There have been too many calls to this Page account." + More, "pages", false),
            80004 => ("There have been too many calls to this ad-account." + More, "ads_management", false),
            80005 => ("There have been too many leadgen api calls to this Page account." + More, "leadgen", false),
            80006 => ("There have been too many messenger api calls to this Page account." + More, "messenger", false),
            80014 => ("There have been too many calls for the batch uploads to this catalog account." + More, "catalog_batch", false),
            _ => ("There have been too many calls from this account." + More, routeUseCase, false),
        };
        return Numbered(400, code, message) with { IsTransient = true, Throttle = new ThrottleInfo(useCase, estimatedMinutes, appLevel) };
    }

    /// <summary>Graph's usual wording: the message opens with the error's code, as in "(#100) …".</summary>
    private static GraphError Numbered(int httpStatus, int code, string message, int? subcode = null) =>
        new(httpStatus, code, $"(#{code}) {message}", subcode);

    /// <summary>An access token Graph refuses: code 190, answered with HTTP 400.</summary>
    private static GraphError InvalidToken(string message, int? subcode = null) => new(400, 190, message, subcode);

    /// <summary>Meta words expiry times in Pacific time; a fixed -08:00 keeps the sandbox free of time-zone data.</summary>
    private static string Pacific(DateTimeOffset time) =>
        time.ToOffset(TimeSpan.FromHours(-8)).ToString("dddd, dd-MMM-yy HH:mm:ss 'PST'", CultureInfo.InvariantCulture);
}
