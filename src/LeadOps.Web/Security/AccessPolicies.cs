using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace LeadOps.Web.Security;

/// <summary>
/// Who may call what (ADR 0013). Every endpoint asks for a signed-in user (the fallback: cookie or personal key). The
/// named policies take a bearer key only, never the browser cookie, so no other site can make a signed-in browser use
/// them: the brief's endpoints a key acting as a user (the admin key with <c>X-Admin-User-ID</c>, or a personal API
/// key), <c>/metrics</c> the operator key, which acts as no user and so opens no user's data.
/// </summary>
internal static class AccessPolicies
{
    /// <summary><c>/admin/send-message</c>: any valid bearer key acting as a user.</summary>
    public const string ApiKey = "ApiKeyOnly";

    /// <summary><c>/test-message</c>: a bearer key acting as the admin user (<c>Admin:UserId</c>).</summary>
    public const string Admin = "Admin";

    /// <summary><c>/metrics</c>: the operator key only (<c>Operator:ApiKey</c>).</summary>
    public const string Operator = "Operator";

    public static void AddTo(IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(ClaimTypes.NameIdentifier).Build())
            .AddPolicy(ApiKey, policy => BearerKey(policy).RequireClaim(ClaimTypes.NameIdentifier))
            .AddPolicy(Admin, policy => BearerKey(policy).RequireClaim(ClaimTypes.NameIdentifier).AddRequirements(new IsAdminRequirement()))
            .AddPolicy(Operator, policy => BearerKey(policy).RequireClaim(ApiKeyAuthenticationHandler.OperatorClaimType, "true"));
        services.AddSingleton<IAuthorizationHandler, IsAdminHandler>();
    }

    /// <summary>Whether the caller may see details (of <c>/status</c>): a signed-in user or the operator.</summary>
    public static bool MaySeeDetails(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (user.HasClaim(c => c.Type == ClaimTypes.NameIdentifier) || user.HasClaim(ApiKeyAuthenticationHandler.OperatorClaimType, "true"));

    private static AuthorizationPolicyBuilder BearerKey(AuthorizationPolicyBuilder policy) =>
        policy.AddAuthenticationSchemes(AuthSchemes.ApiKey).RequireAuthenticatedUser();

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
