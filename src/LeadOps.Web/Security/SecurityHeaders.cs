namespace LeadOps.Web.Security;

/// <summary>
/// The headers on every answer (NetEscapades.AspNetCore.SecurityHeaders): a Content-Security-Policy that allows scripts,
/// styles and connections from LeadOps itself only (no inline script or style: pages keep theirs in wwwroot), never in a
/// frame (<c>frame-ancestors 'none'</c> and <c>X-Frame-Options: DENY</c>), <c>nosniff</c>, and a strict Referrer-Policy.
/// HSTS comes from <c>UseHsts</c> outside Development (on HTTPS, directly or through a known proxy).
/// </summary>
internal static class SecurityHeaders
{
    public static HeaderPolicyCollection Policy() => new HeaderPolicyCollection()
        .AddFrameOptionsDeny()
        .AddContentTypeOptionsNoSniff()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .RemoveServerHeader()
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
}
