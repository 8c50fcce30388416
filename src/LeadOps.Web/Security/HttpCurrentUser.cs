using System.Security.Claims;

namespace LeadOps.Web.Security;

/// <summary>The signed-in user (cookie or API key), unless the scope was given an explicit owner for background work.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor, ExplicitOwner explicitOwner) : ICurrentUser
{
    public string? UserId =>
        explicitOwner.OwnerId ?? accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The API key a request acts with (its name and prefix); null in a browser session or background work.</summary>
    public string? Via =>
        explicitOwner.OwnerId is null ? accessor.HttpContext?.User.FindFirstValue(ApiKeyAuthenticationHandler.ViaClaimType) : null;
}
