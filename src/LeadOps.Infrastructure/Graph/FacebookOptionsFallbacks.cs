using Microsoft.Extensions.Configuration;

namespace LeadOps.Infrastructure.Graph;

/// <summary>The flat environment names the hosting brief uses, read when the Facebook section leaves a value empty.</summary>
internal static class FacebookOptionsFallbacks
{
    public const string AppIdKey = "FACEBOOK_APP_ID";
    public const string AppSecretKey = "FACEBOOK_APP_SECRET";
    public const string VerifyTokenKey = "FACEBOOK_VERIFY_TOKEN";

    public static void Apply(FacebookOptions options, IConfiguration configuration)
    {
        options.AppId = Fallback(options.AppId, configuration[AppIdKey]);
        options.AppSecret = Fallback(options.AppSecret, configuration[AppSecretKey]);
        options.VerifyToken = Fallback(options.VerifyToken, configuration[VerifyTokenKey]);
    }

    private static string? Fallback(string? value, string? flat) =>
        string.IsNullOrWhiteSpace(value) ? (string.IsNullOrWhiteSpace(flat) ? null : flat.Trim()) : value;
}
