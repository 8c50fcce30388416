using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace LeadOps.Infrastructure.Identity;

/// <summary>
/// Identity's sign-in, with every failure costing one password check: an unknown e-mail and a locked-out account are
/// checked against a dummy hash, so the answer takes as long as for a known account with a wrong password and does not
/// tell which accounts exist.
/// </summary>
public sealed class LeadOpsSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static string? _dummyHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            SpendOnePasswordCheck(password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        if (UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user))
        {
            SpendOnePasswordCheck(password); // Identity answers a locked account without checking the password
        }

        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    private void SpendOnePasswordCheck(string password)
    {
        var dummy = new ApplicationUser();
        _dummyHash ??= UserManager.PasswordHasher.HashPassword(dummy, Guid.NewGuid().ToString("N"));
        _ = UserManager.PasswordHasher.VerifyHashedPassword(dummy, _dummyHash, password);
    }
}
