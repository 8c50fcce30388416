using System.ComponentModel.DataAnnotations;
using LeadOps.Application.Common.Audit;
using Microsoft.AspNetCore.RateLimiting;

namespace LeadOps.Web.Pages.Account;

/// <summary>
/// Sign-in. Rate-limited per address (the <c>sign-in</c> policy) and per account; every failure, for a known, locked or
/// unknown account, gets the same message after one password check (<see cref="LeadOpsSignInManager"/>).
/// </summary>
[EnableRateLimiting(SignInRateLimits.PolicyName)]
public sealed class LoginModel(SignInManager<ApplicationUser> signIn, SignInRateLimits limits, IOptions<AuthOptions> auth, IOptions<DemoOptions> demo, IWebHostEnvironment environment, IAuditLog audit) : PageModel
{
    public const string Failed = "The e-mail or password is not right. After too many failed sign-ins an account is locked for 15 minutes.";

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public bool AllowRegistration => auth.Value.AllowRegistration;

    /// <summary>Development only: the demo credentials, so a new user can sign in at once.</summary>
    public DemoOptions? Demo => environment.IsDevelopment() && demo.Value.Enabled ? demo.Value : null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        using var lease = limits.Account(Input.Email);
        if (!lease.IsAcquired)
        {
            return SignInRateLimits.Refuse(this, lease, seconds => $"Too many sign-in attempts for this account. Try again in {SignInRateLimits.Wait(seconds)}.");
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        await AuditAsync(result);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/Leads");
        }

        ModelState.AddModelError(string.Empty, Failed);
        return Page();
    }

    /// <summary>A sign-in, or a failed one on an existing account, goes to that account's audit trail.</summary>
    private async Task AuditAsync(Microsoft.AspNetCore.Identity.SignInResult result)
    {
        var user = await signIn.UserManager.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            return;
        }

        var (outcome, detail) = result.Succeeded ? (AuditActions.Ok, (string?)null)
            : result.IsLockedOut ? (AuditActions.Refused, "locked out after repeated failures")
            : result.IsNotAllowed ? (AuditActions.Refused, "not allowed to sign in")
            : (AuditActions.Failed, "wrong password");
        await audit.WriteAsync(user.Id, new AuditRecord(AuditActions.SignIn, AuditActions.User, user.Id, outcome, detail), HttpContext.RequestAborted);
    }

    public sealed class LoginInput : AccountInput
    {
        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "Keep me signed in")]
        public bool RememberMe { get; set; }
    }
}
