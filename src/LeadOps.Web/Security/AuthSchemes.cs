namespace LeadOps.Web.Security;

internal static class AuthSchemes
{
    /// <summary>Chooses API key (Authorization header present) or the Identity cookie.</summary>
    public const string Smart = "LeadOps";

    public const string ApiKey = "ApiKey";

    public static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/admin") || path.StartsWithSegments("/test-message") ||
        path.StartsWithSegments("/hubs");

    /// <summary>A request that carries <c>Authorization</c> is authenticated by <see cref="ApiKey"/>, never by the cookie.</summary>
    public static bool UsesApiKey(HttpRequest request) => request.Headers.Authorization.Count > 0;

    /// <summary>
    /// Whether an error is answered as the API answers it (ProblemDetails) rather than as a page: on an API path, and on
    /// any path a caller reaches with an API key (<c>/inbox/files</c> serves keys and browsers alike), whose 401 and 403
    /// are JSON already. A signed-in browser sends its cookie, not <c>Authorization</c>, and keeps the friendly pages.
    /// </summary>
    public static bool AnswersAsApi(HttpRequest request, PathString path) => IsApiPath(path) || UsesApiKey(request);
}
