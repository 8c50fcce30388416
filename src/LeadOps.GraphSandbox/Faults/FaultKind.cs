namespace LeadOps.GraphSandbox;

/// <summary>What a fault rule makes a matching Graph call do.</summary>
public enum FaultKind
{
    /// <summary>HTTP 500 with a non-Graph body, as a proxy in front of Graph answers when it fails.</summary>
    Http500,

    /// <summary>Graph error code 1 or 2 (<see cref="FaultRule.Code"/>, default 2), HTTP 500, <c>is_transient</c> true.</summary>
    Transient,

    /// <summary>A throttle (4, 17, 32, 613, 80000, 80001, 80004, 80005, 80006, 80014) with usage headers at 100 % and <c>estimated_time_to_regain_access</c>.</summary>
    Throttle,

    /// <summary>Error 190 / 463, as if the page token had just expired.</summary>
    TokenExpired,

    /// <summary>
    /// Error 200 naming <see cref="FaultRule.Permission"/> (by default the one its call needs: pages_messaging on the
    /// Messenger routes, pages_manage_metadata on subscribed_apps, ads_management on events, else leads_retrieval); with
    /// <see cref="FaultRule.Code"/> 10 Graph's "Application does not have permission for this action"; with code 3 "Application does not have the
    /// capability to make this API call" (Meta's error table: "API Method", a capability or permissions issue); with code
    /// 100 "Object does not exist, cannot be loaded due to missing permission or reviewable feature … This endpoint
    /// requires the '…' permission" (as integrators report it, n8n-io/n8n issue #24736; the permission defaults to
    /// pages_read_engagement there); with code 298 the older "Requires extended permission: …".
    /// </summary>
    PermissionMissing,

    /// <summary>On an edge (leads, leadgen_forms): an empty page that still has <c>paging.next</c>.</summary>
    EmptyPageWithNext,

    /// <summary>Answers normally after <see cref="FaultRule.Delay"/> (default 2 s).</summary>
    Slow,

    /// <summary>Hangs until the client gives up or <see cref="FaultRule.Delay"/> (default 5 min) passes, then answers normally.</summary>
    Timeout,

    /// <summary>
    /// <see cref="FaultRule.Status"/> (default 502) with an empty body and no Graph error, as a load balancer or proxy in
    /// front of Graph answers (a bare 502/503, or a 404 from a misrouted request).
    /// </summary>
    ProxyError,

    /// <summary>Error 190 / 460: the token was invalidated because the user changed their password.</summary>
    TokenInvalidated,

    /// <summary>Error 190 "Malformed access token …", which echoes the token the call carried, as Graph does.</summary>
    MalformedToken,

    /// <summary>Error 368: the action was deemed abusive or is otherwise disallowed (a policy block).</summary>
    PolicyBlock,

    /// <summary>
    /// On an edge (leads, leadgen_forms) called with an <c>after</c> cursor: the page's <c>cursors.after</c> and
    /// <c>paging.next</c> give back the cursor the call was made with, so a client that follows them loops. Only calls
    /// that carry an <c>after</c> cursor match (and count towards <see cref="FaultRule.AfterCalls"/>); a first page does not.
    /// </summary>
    RepeatedCursor,

    /// <summary>
    /// On an edge called with an <c>after</c> cursor: an empty page whose <c>cursors.after</c> and <c>paging.next</c> give
    /// back the cursor the call was made with. Asked again (the rule no longer firing), the same cursor reads the rest
    /// of the edge. Only calls that carry an <c>after</c> cursor match.
    /// </summary>
    EmptyPageRepeatingCursor,

    /// <summary>
    /// A refusal from the Send API's error table, by <see cref="FaultRule.Code"/>: 1200 "Temporary send message failure"
    /// (the default), 10 / 2018108 and 200 / 1545041 "This person isn't receiving messages from you right now", 551 /
    /// 1545041 "This person isn't available right now"; 9 / 2018352 "User is performing too many actions" (Messenger's common
    /// error codes); with <see cref="FaultRule.Subcode"/> 2018028 (code 10 or 200) "Cannot
    /// message users who are not admins, developers or testers of the app until pages_messaging permission is reviewed and
    /// the app is live."; with code 10 and subcode 2534022 "This message is sent outside of allowed window.".
    /// </summary>
    SendRefused,

    /// <summary>
    /// The route does its work (the Send API sends the message, and its echo follows) but answers error 1 / 1357046
    /// "Received invalid JSON reply.": Messenger's error-codes page, where the messages were all sent and the endpoint
    /// still returned an error.
    /// </summary>
    DoneButInvalidReply,

    /// <summary>
    /// The route does its work (the Send API sends the message, and its echo follows), then its answer hangs until the
    /// client gives up or <see cref="FaultRule.Delay"/> (default 5 min) passes: a gateway timing out after Meta acted, so
    /// the client cannot tell whether the call did anything.
    /// </summary>
    TimeoutAfterWork,

    /// <summary>
    /// On an edge (leads, leadgen_forms) asked for more than <see cref="FaultRule.MaxPageSize"/> items: Graph's error 1
    /// "Please reduce the amount of data you're asking for, then retry your request" (HTTP 500), which Graph gives when
    /// the page asked for is too heavy to send. The same call with a smaller <c>limit</c> is answered.
    /// </summary>
    TooMuchData,

    /// <summary>
    /// On an edge (leads, leadgen_forms): the page's <c>paging</c> in the time-based form of Graph's "Paginated Results"
    /// (graph-api/results): no <c>cursors</c>, a <c>next</c> URL with <c>until</c> (and the <c>__paging_token</c> Graph adds)
    /// and a <c>previous</c> URL with <c>since</c>. Asked with that token, the edge goes on where the page ended.
    /// </summary>
    TimeBasedPaging,

    /// <summary>
    /// On an edge (leads, leadgen_forms) called with an <c>after</c> cursor: the page is answered, but its
    /// <c>cursors.after</c> and <c>paging.next</c> name the cursor the page before it was asked with, so a client that
    /// follows them goes round the same two pages (A → B → A) for as long as the rule fires. A page whose predecessor
    /// was the first (asked without a cursor) is answered as usual. Only calls that carry an <c>after</c> cursor match.
    /// </summary>
    PagingCycle,

    /// <summary>
    /// On an edge (leads, leadgen_forms) called with an <c>after</c> cursor: the page is answered, but its
    /// <c>cursors.after</c> and <c>paging.next</c> name the position the call was made at under a cursor never given
    /// before (as Graph renames a position after an empty page), so a client that follows them is given the same items
    /// again and again, each time under a new cursor, for as long as the rule fires. Only calls that carry an <c>after</c>
    /// cursor match.
    /// </summary>
    SamePageNewCursor,

    /// <summary>
    /// A lead (<c>GET /{lead-id}</c>), a <c>leads</c> page or a <c>leadgen_forms</c> page answered with a comma after the last item of
    /// every list, as Meta's "Retrieving Leads" guide (marketing-api/guides/lead-ads/retrieving) prints its bulk read: <c>…"values":
    /// ["joe@example.com"]},],</c>. Strict JSON has no such comma; a client that reads the guide's answer reads this one.
    /// </summary>
    TrailingCommas,

    /// <summary>
    /// Error 190 / 463 as <see cref="TokenExpired"/>, HTTP 400 with Graph's <c>WWW-Authenticate: OAuth "Facebook Platform"
    /// "invalid_token" "Error validating access token: Session has expired …"</c>, but the JSON body lost on the way (a
    /// proxy that keeps the status and headers): no body at all, or with <see cref="FaultRule.HtmlBody"/> an HTML error page.
    /// </summary>
    OAuthErrorWithoutBody,

    /// <summary>
    /// A lead (<c>GET /{lead-id}</c>) or every lead of a <c>leads</c> page answered without <c>field_data</c>, its other
    /// fields as usual. Graph answers a lead with only the fields it was asked for, and Meta's reference does not promise
    /// <c>field_data</c> in every answer (facebook-ruby-business-sdk issue #85: a lead read without naming fields came back
    /// as its id alone); a rule limited by <see cref="FaultRule.Times"/> gives the answers back on a later read.
    /// </summary>
    LeadWithoutFieldData,
}
