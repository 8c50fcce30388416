using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace LeadOps.Web.Security;

/// <summary>
/// <c>/metrics</c>: the operator key only (<c>Operator:ApiKey</c>). The operator acts as no user: every other endpoint
/// requires a user (the fallback policy asks for a NameIdentifier), so the key opens no user's data.
/// </summary>
internal static class OperatorPolicy
{
    public const string Name = "Operator";
    public const string ClaimType = "leadops:operator";

    public static void Build(AuthorizationPolicyBuilder policy) =>
        policy.AddAuthenticationSchemes(AuthSchemes.ApiKey).RequireAuthenticatedUser().RequireClaim(ClaimType, "true");

    /// <summary>The fallback: a signed-in user (cookie or personal key), never the operator.</summary>
    public static AuthorizationPolicy SignedInUser() =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(ClaimTypes.NameIdentifier).Build();

    /// <summary>Whether the caller may see details (of <c>/status</c>): a signed-in user or the operator.</summary>
    public static bool MaySeeDetails(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (user.HasClaim(c => c.Type == ClaimTypes.NameIdentifier) || user.HasClaim(ClaimType, "true"));
}
