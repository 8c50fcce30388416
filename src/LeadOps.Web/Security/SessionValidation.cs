using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace LeadOps.Web.Security;

/// <summary>
/// Every cookie-authenticated request: the user still exists and the cookie's security stamp is the user's current one.
/// Signing out and changing the password give the user a new stamp, so every cookie issued before (on any device, or
/// copied) stops working at once. One indexed read per request; the cookie is not re-issued (Identity's own
/// <c>SecurityStampValidator</c> with a zero interval would rebuild the principal and set a new cookie on every answer).
/// </summary>
internal static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal?.FindFirstValue(users.Options.ClaimsIdentity.SecurityStampClaimType);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is not null && stamp is not null && user.SecurityStamp is { } current && Secrets.FixedTimeEquals(stamp, current))
        {
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
