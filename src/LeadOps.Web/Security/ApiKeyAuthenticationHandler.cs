using System.Security.Claims;
using System.Text.Encodings.Web;
using LeadOps.Application.Account;
using LeadOps.Web.Api.Brief;
using Microsoft.AspNetCore.Authentication;

namespace LeadOps.Web.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c>: a personal API key, or the brief's ADMIN_API_KEY together with
/// <c>X-Admin-User-ID</c>. Failures answer 401 with the brief's JSON and nothing else.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyAuthenticator authenticator,
    IOptionsMonitor<AdminOptions> admin,
    IOptionsMonitor<OperatorOptions> operatorKey)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string InvalidAuthentication = "Invalid authentication";
    public const string InvalidApiKey = "Invalid API key";
    public const string InvalidAdminUserId = "Invalid admin user ID";
    public const string ViaClaimType = "leadops:via";
    public const string OperatorClaimType = "leadops:operator";
    private const string FailureKey = "LeadOps.ApiKeyFailure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // RFC 9110: the scheme name is case-insensitive (bearer, Bearer, BEARER).
        string header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7 || header.Length > 512)
        {
            return Fail(InvalidAuthentication);
        }

        var token = header[7..].Trim();
        if (operatorKey.CurrentValue.ApiKey is { Length: > 0 } operatorApiKey && Secrets.FixedTimeEquals(token, operatorApiKey))
        {
            return OperatorSuccess();
        }

        var adminOptions = admin.CurrentValue;
        if (!string.IsNullOrEmpty(adminOptions.ApiKey) && Secrets.FixedTimeEquals(token, adminOptions.ApiKey))
        {
            var presentedUser = Request.Headers["X-Admin-User-ID"].ToString();
            if (string.IsNullOrEmpty(adminOptions.UserId) || !Secrets.FixedTimeEquals(presentedUser, adminOptions.UserId))
            {
                return Fail(InvalidAdminUserId);
            }

            return Success(adminOptions.UserId, "admin-api-key", "the admin API key");
        }

        var owner = await authenticator.AuthenticateAsync(token, Context.RequestAborted);
        return owner is null ? Fail(InvalidApiKey) : Success(owner.UserId, "api-key", owner.Via);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        var detail = Context.Items.TryGetValue(FailureKey, out var value) && value is string s ? s : InvalidAuthentication;
        await Response.WriteAsJsonAsync(new BriefResults.DetailBody(detail));
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Response.WriteAsJsonAsync(new BriefResults.DetailBody("Forbidden"));
    }

    private AuthenticateResult Fail(string detail)
    {
        Context.Items[FailureKey] = detail;
        return AuthenticateResult.Fail(detail);
    }

    /// <summary>The operator: no user (no NameIdentifier), so only the endpoints of <see cref="AccessPolicies.Operator"/> let it in.</summary>
    private AuthenticateResult OperatorSuccess()
    {
        var identity = new ClaimsIdentity([new Claim(OperatorClaimType, "true"), new Claim(ClaimTypes.AuthenticationMethod, "operator-key")], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    /// <summary>The user, and the key they act with (<see cref="ViaClaimType"/>, named in their audit trail).</summary>
    private AuthenticateResult Success(string userId, string method, string via)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.AuthenticationMethod, method), new Claim(ViaClaimType, via)],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
