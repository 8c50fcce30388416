namespace LeadOps.Application.Common.Graph;

/// <summary>A parsed Graph error body plus its classification.</summary>
public sealed record GraphFailure(
    GraphFailureKind Kind,
    int? Code,
    int? Subcode,
    string? Type,
    string Message,
    string? FbTraceId,
    bool? IsTransient,
    int? HttpStatus,
    DateTimeOffset? RetryAfter = null,
    string? MissingPermission = null)
{
    /// <summary>Meta's <c>error_user_title</c>, the short title it gives a refusal meant for people; null when Meta gives none.</summary>
    public string? UserTitle { get; init; }

    /// <summary>
    /// Graph said the object the call named does not exist (or cannot be loaded): a fact about that object, such as a
    /// lead deleted before it was read, which only the caller can tell from a fault of the integration.
    /// </summary>
    public bool ObjectMissing { get; init; }

    /// <summary>
    /// Meta did what the call asked although the call failed: Messenger's "Received invalid JSON reply." (1 / 1357046,
    /// given after the messages were sent), a success answer whose body LeadOps could not read, or a Send API success
    /// without a <c>message_id</c>. Calling again would do it twice. (A readable answer saying it did not do it, such as
    /// <c>{"success":false}</c>, is not this.)
    /// </summary>
    public bool DoneAnyway { get; init; }

    /// <summary>
    /// A call that acts once (a Send API message) got no answer that says what happened: no answer in time, a connection
    /// broken after the request went out, or a bare server error from in front of Graph. Meta may have done it; the
    /// Graph client does not repeat it, and whoever offers a retry should say so.
    /// </summary>
    public bool OutcomeUnknown { get; init; }

    /// <summary>
    /// Graph found the answer too heavy to send ("Please reduce the amount of data you're asking for, then retry your
    /// request", code 1): the same call fails again, a call for fewer items may pass.
    /// </summary>
    public bool TooMuchData { get; init; }

    /// <summary>
    /// The call named a person, not a page: "(#100) Tried accessing nonexisting field (leadgen_forms) on node type (User)",
    /// what a page edge answers on the id of a person whose own user token was pasted for a page's.
    /// </summary>
    public bool NamesAPerson { get; init; }

    /// <summary>
    /// The Send API's "Cannot message users who are not admins, developers or testers of the app until pages_messaging
    /// permission is reviewed and the app is live." (2018028; 2018027 for pages_messaging_phone_number): the token has the
    /// permission, the app has not passed App Review or is not Live. Reconnecting the page does not change it.
    /// </summary>
    public bool AppNotLive { get; init; }

    /// <summary>
    /// A rate limit on what the page may send one person, not on the page's calls: Messenger's 9 / 2018352 "User is
    /// performing too many actions" (a customer past the allowed limit) and 4 / 2018354 "There has to be a minimum delay
    /// between 2 notifications" (Messenger's common error codes). Other people can still be written to.
    /// </summary>
    public bool LimitsOnePerson { get; init; }

    /// <summary>
    /// Not Graph's answer: LeadOps could not read the page's stored token (the keys that protected it are gone), which
    /// is handled as a token that no longer works (<see cref="GraphFailureKind.TokenInvalid"/>).
    /// </summary>
    public bool TokenUnreadable { get; init; }
}
