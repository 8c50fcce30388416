namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// The <c>Facebook</c> configuration section. The web host maps the brief's flat <c>FACEBOOK_APP_ID</c>,
/// <c>FACEBOOK_APP_SECRET</c> and <c>FACEBOOK_VERIFY_TOKEN</c> onto it when the section leaves them empty.
/// </summary>
public sealed class FacebookOptions
{
    public const string SectionName = "Facebook";

    /// <summary>Graph host, without the version (default <c>https://graph.facebook.com</c>).</summary>
    public string GraphBaseUrl { get; set; } = "https://graph.facebook.com";

    /// <summary>Graph API version used in every path (default <c>v25.0</c>).</summary>
    public string GraphVersion { get; set; } = "v25.0";

    public string? AppId { get; set; }

    /// <summary>Signs calls with appsecret_proof when set; with <see cref="AppId"/> it also forms the app token for debug_token.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The webhook verification token (hub.verify_token).</summary>
    public string? VerifyToken { get; set; }

    public GraphResilienceOptions Resilience { get; set; } = new();

    /// <summary>
    /// How long a page's lead reads keep leaving out the vertical fields Graph refused for it (<see cref="GraphLeadFieldsMemory"/>)
    /// before asking every field again (default 3 hours; zero asks every field on every read).
    /// </summary>
    public TimeSpan RefusedLeadFieldsMemory { get; set; } = TimeSpan.FromHours(3);

    internal bool HasAppSecret => !string.IsNullOrEmpty(AppSecret);

    internal bool HasAppCredentials => !string.IsNullOrEmpty(AppId) && HasAppSecret;

    internal Uri VersionedBaseAddress => new($"{GraphBaseUrl.TrimEnd('/')}/{GraphVersion.Trim('/')}/", UriKind.Absolute);
}
