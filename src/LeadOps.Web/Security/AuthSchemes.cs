namespace LeadOps.Web.Security;

internal static class AuthSchemes
{
    /// <summary>Chooses API key (Authorization header present) or the Identity cookie.</summary>
    public const string Smart = "LeadOps";

    public const string ApiKey = "ApiKey";

    public static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/admin") || path.StartsWithSegments("/test-message") ||
        path.StartsWithSegments("/hubs");
}
