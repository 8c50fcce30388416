namespace LeadOps.Web.Pages.Account;

/// <summary>Signing out ends every session of the user: a new security stamp invalidates every cookie issued before.</summary>
public sealed class LogoutModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Leads/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        TempData["Notice"] = "You are signed out.";
        return RedirectToPage("/Account/Login");
    }
}
