namespace LeadOps.Web.Security;

/// <summary>
/// The headers on every answer (NetEscapades.AspNetCore.SecurityHeaders): a Content-Security-Policy that allows scripts,
/// styles and connections from LeadOps itself only (no inline script or style: pages keep theirs in wwwroot), never in a
/// frame (<c>frame-ancestors 'none'</c> and <c>X-Frame-Options: DENY</c>), <c>nosniff</c>, and a strict Referrer-Policy.
/// HSTS comes from <c>UseHsts</c> outside Development (on HTTPS, directly or through a known proxy). Stored files
/// (<see cref="StoredFiles"/>) have a policy of their own: they load nothing and run nothing.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>The named policy of LeadOps' copies of customers' files and of files staff sent.</summary>
    public const string StoredFiles = "stored-files";

    public static HeaderPolicyCollection StoredFilePolicy() => Common()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().None();
            csp.AddSandbox();
        });

    public static HeaderPolicyCollection Policy() => Common()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddScriptSrc().Self();
            csp.AddStyleSrc().Self();
            csp.AddImgSrc().Self().Data();
            csp.AddFontSrc().Self();
            csp.AddConnectSrc().Self();
            csp.AddFormAction().Self();
            csp.AddBaseUri().Self();
            csp.AddObjectSrc().None();
            csp.AddFrameAncestors().None();
        });

    private static HeaderPolicyCollection Common() => new HeaderPolicyCollection()
        .AddFrameOptionsDeny()
        .AddContentTypeOptionsNoSniff()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .RemoveServerHeader();
}
