using System.ComponentModel.DataAnnotations;
using LeadOps.Application.Account.Commands;
using LeadOps.Application.Account.Queries;

namespace LeadOps.Web.Pages.Account;

/// <summary>
/// The signed-in user's account: the name colleagues see, change password, personal API keys (created, shown once,
/// revoked).
/// </summary>
[PersonOnly.PersonOnlyHandlers("CreateKey", "RevokeKey")]
public sealed class IndexModel(IMediator mediator, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) : PageModel
{
    public IReadOnlyList<ApiKeySummary> ApiKeys { get; private set; } = [];

    /// <summary>
    /// A key just created: shown on the answer to its post (not cached, in no cookie), never again. That page takes the
    /// address of its GET, so a reload shows the page without it and creates nothing (ADR 0018).
    /// </summary>
    public CreatedApiKey? NewKey { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public PasswordInput Password { get; set; } = new();

    [BindProperty]
    [StringLength(100)]
    public string? KeyName { get; set; }

    /// <summary>The one-time token of the create-key form that was posted: posted again (a reload without script), nothing is created (ADR 0018).</summary>
    [BindProperty]
    public Guid? FormToken { get; set; }

    /// <summary>The token the create-key form carries on this page: a new one each time the page is shown.</summary>
    public Guid NextFormToken { get; } = Guid.NewGuid();

    /// <summary>The name colleagues see (<see cref="ApplicationUser.DisplayName"/>); left empty, they see the e-mail address.</summary>
    [BindProperty]
    [Display(Name = "Your name")]
    public string? DisplayName { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostNameAsync(CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(DisplayName) ? null : DisplayName.Trim();
        ModelState.Clear();
        if (name is { Length: > ApplicationUser.DisplayNameLength })
        {
            ModelState.AddModelError(nameof(DisplayName), $"Use at most {ApplicationUser.DisplayNameLength} characters.");
        }
        else if (name is not null && name.Any(char.IsControl))
        {
            ModelState.AddModelError(nameof(DisplayName), "Write the name on one line.");
        }

        var user = ModelState.IsValid ? await users.GetUserAsync(User) : null;
        if (user is not null)
        {
            user.DisplayName = name;
            var saved = await users.UpdateAsync(user);
            if (saved.Succeeded)
            {
                Notice = name is null
                    ? "Your name was cleared: colleagues see your e-mail address."
                    : "Your name was saved: colleagues see it on the conversations you take and the replies and notes you write.";
                return RedirectToPage();
            }

            ModelState.AddModelError(nameof(DisplayName), string.Join(" ", saved.Errors.Select(e => e.Description)));
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateKeyAsync(CancellationToken ct)
    {
        ModelState.Clear();
        NewKey = await this.SendFormAsync(mediator, new CreateApiKey(KeyName ?? string.Empty, FormToken), refused => ModelState.AddModelError(nameof(KeyName), refused.FirstMessage), ct);
        if (NewKey is not null)
        {
            Response.Headers.CacheControl = "no-store";
            KeyName = null;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeKeyAsync(Guid id, CancellationToken ct) =>
        this.NotFoundOr(await mediator.Send(new RevokeApiKey(id), ct), _ =>
        {
            Notice = "The API key was revoked.";
            return RedirectToPage();
        });

    public async Task<IActionResult> OnPostChangePasswordAsync(CancellationToken ct)
    {
        ModelState.Remove(nameof(KeyName));
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        var result = await users.ChangePasswordAsync(user, Password.Current, Password.New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            await LoadAsync(ct);
            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        Notice = "Your password was changed.";
        return RedirectToPage();
    }

    /// <summary>The API keys, and the saved name unless the page shows the one just posted.</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        ApiKeys = await mediator.Send(new ListApiKeys(), ct);
        if (!Request.HasFormContentType || !Request.Form.ContainsKey(nameof(DisplayName)))
        {
            DisplayName = (await users.GetUserAsync(User))?.DisplayName;
        }
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string Current { get; set; } = string.Empty;

        [Required(ErrorMessage = "Choose a new password.")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "Use at least 10 characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string New { get; set; } = string.Empty;

        [Compare(nameof(New), ErrorMessage = "The new passwords do not match.")]
        [DataType(DataType.Password)]
        [Display(Name = "Repeat new password")]
        public string Confirm { get; set; } = string.Empty;
    }
}
