namespace LeadOps.Web.Pages.Account;

/// <summary>
/// Signing out ends every session of the user: a new security stamp invalidates every cookie issued before; the browser
/// is told to clear its cache of the site (<c>Clear-Site-Data: "cache"</c>).
/// </summary>
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
        // What the browser kept of the signed-in pages (a customer's file among them) is not for whoever uses it next.
        Response.Headers["Clear-Site-Data"] = "\"cache\"";
        TempData["Notice"] = "You are signed out.";
        return RedirectToPage("/Account/Login");
    }
}
