using System.ComponentModel.DataAnnotations;
using LeadOps.Application.Integrations;
using LeadOps.Application.Integrations.Commands;
using LeadOps.Application.Integrations.Queries;

namespace LeadOps.Web.Pages.Integrations;

/// <summary>The user's connected pages with their state, and the form to connect another.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<IntegrationView> Integrations { get; private set; } = [];

    [BindProperty]
    [Display(Name = "Page access token")]
    public string? PageAccessToken { get; set; }

    [BindProperty]
    [Display(Name = "Name (optional)")]
    public string? Name { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Integrations = await mediator.Send(new ListIntegrations(), ct);

    /// <summary>
    /// Connects the page the token belongs to; a page that is connected already gets the new token on its integration
    /// (never a second one), and the notice says which of the two happened.
    /// </summary>
    public async Task<IActionResult> OnPostConnectAsync(CancellationToken ct)
    {
        var before = (await mediator.Send(new ListIntegrations(), ct)).Select(i => i.Id).ToHashSet();
        var result = await this.SendFormAsync(mediator, new ConnectIntegration(PageAccessToken ?? string.Empty, Name), ct);
        if (result is { IsSuccess: true, Value: { } connected })
        {
            TempData["Notice"] = before.Contains(connected.Id)
                ? $"{connected.PageName} was connected already: its integration now uses the new token."
                : $"Connected {connected.PageName}.";
            return RedirectToPage("Details", new { id = connected.Id });
        }

        if (result is not null)
        {
            ModelState.AddModelError(nameof(PageAccessToken), $"{result.Error}. {result.Detail}");
        }

        Integrations = await mediator.Send(new ListIntegrations(), ct);
        return Page();
    }
}
