using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.RateLimiting;

namespace LeadOps.Web.Pages.Account;

/// <summary>
/// Self-service registration, open only when Auth:AllowRegistration is true. It never says whether an address already has
/// an account: a new address and a taken one get the same answer (sign in next), after the same password hashing.
/// Rate-limited per client address and per e-mail address, with sign-in.
/// </summary>
[EnableRateLimiting(SignInRateLimits.PolicyName)]
public sealed class RegisterModel(UserManager<ApplicationUser> users, SignInRateLimits limits, IOptions<AuthOptions> auth) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public IActionResult OnGet() => auth.Value.AllowRegistration ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!auth.Value.AllowRegistration)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        using var lease = limits.Account(Input.Email);
        if (!lease.IsAcquired)
        {
            return SignInRateLimits.Refuse(this, lease, _ => "Too many attempts for this address. Try again later.");
        }

        var user = new ApplicationUser { UserName = Input.Email.Trim(), Email = Input.Email.Trim() };
        var result = await users.CreateAsync(user, Input.Password);
        var errors = result.Errors.Where(e => e.Code is not (nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail))).ToList();
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        TempData["Notice"] = "If this address had no account, it has one now: sign in with it.";
        return RedirectToPage("/Account/Login");
    }

    public sealed class RegisterInput : AccountInput
    {
        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "Use at least 10 characters.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = string.Empty;

        [Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
        [DataType(DataType.Password)]
        [Display(Name = "Repeat password")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
