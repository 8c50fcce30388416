using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace LeadOps.Web.Security;

/// <summary>
/// Policies for the brief's endpoints. They take a bearer key only (the admin key with <c>X-Admin-User-ID</c>, or a
/// personal API key), never the browser cookie, so no other site can make a signed-in browser send messages.
/// </summary>
internal static class AdminPolicy
{
    /// <summary><c>/admin/send-message</c>: any valid bearer key.</summary>
    public const string ApiKeyName = "ApiKeyOnly";

    /// <summary><c>/test-message</c>: a bearer key acting as the admin user (<c>Admin:UserId</c>).</summary>
    public const string AdminName = "Admin";

    public static void ApiKey(AuthorizationPolicyBuilder policy) =>
        policy.AddAuthenticationSchemes(AuthSchemes.ApiKey).RequireAuthenticatedUser().RequireClaim(ClaimTypes.NameIdentifier);

    public static void Admin(AuthorizationPolicyBuilder policy)
    {
        ApiKey(policy);
        policy.AddRequirements(new IsAdminRequirement());
    }

    internal sealed class IsAdminRequirement : IAuthorizationRequirement;

    internal sealed class IsAdminHandler(IOptionsMonitor<AdminOptions> admin) : AuthorizationHandler<IsAdminRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, IsAdminRequirement requirement)
        {
            var adminId = admin.CurrentValue.UserId;
            var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
            if (!string.IsNullOrEmpty(adminId) && userId is not null && Secrets.FixedTimeEquals(userId, adminId))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }
}
