namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// Travels with one Graph request in <see cref="HttpRequestMessage.Options"/> (Refit's <c>[Property]</c>): the token the
/// auth handler puts in the Authorization header, and the page that keys the circuit breaker, usage and logs.
/// </summary>
internal sealed class GraphCallContext
{
    /// <summary>Circuit-breaker and usage key for calls that are not tied to a known page (GET /me with a bare token).</summary>
    public const string NoPageKey = "(no-page)";

    /// <summary>Key for calls made with the app token (debug_token).</summary>
    public const string AppKey = "(app)";

    private GraphCallContext(string accessToken, string? pageId, bool isAppToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        AccessToken = accessToken;
        PageId = pageId;
        IsAppToken = isAppToken;
    }

    public string AccessToken { get; }

    public string? PageId { get; }

    /// <summary>App tokens already contain the secret, so no appsecret_proof is added for them.</summary>
    public bool IsAppToken { get; }

    /// <summary>
    /// A call that acts once per request (a Send API message, a Conversions API event): when its outcome is unknown (no answer, a connection broken
    /// after it was sent, a bare server error from in front of Graph) it is not repeated, since Meta may have acted.
    /// </summary>
    public bool AtMostOnce { get; private init; }

    /// <summary>Key that groups calls per page (circuit breaker, pacing, usage).</summary>
    public string PageKey => IsAppToken ? AppKey : PageId ?? NoPageKey;

    public static GraphCallContext ForPage(GraphCredentials credentials) =>
        new(credentials.AccessToken, string.IsNullOrEmpty(credentials.PageId) ? null : credentials.PageId, isAppToken: false);

    /// <summary>A call that sends something Meta acts on once per request: a message to a person, Conversions API events (<see cref="AtMostOnce"/>).</summary>
    public static GraphCallContext ForSend(GraphCredentials credentials) =>
        new(credentials.AccessToken, string.IsNullOrEmpty(credentials.PageId) ? null : credentials.PageId, isAppToken: false) { AtMostOnce = true };

    public static GraphCallContext ForToken(string accessToken) => new(accessToken, pageId: null, isAppToken: false);

    public static GraphCallContext ForApp(string appId, string appSecret) => new($"{appId}|{appSecret}", pageId: null, isAppToken: true);

    public override string ToString() => $"GraphCallContext {{ PageKey = {PageKey} }}";
}
