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

    public async Task<IActionResult> OnPostConnectAsync(CancellationToken ct)
    {
        var result = await this.SendFormAsync(mediator, new ConnectIntegration(PageAccessToken ?? string.Empty, Name), ct);
        if (result is { IsSuccess: true, Value: { } connected })
        {
            TempData["Notice"] = $"Connected {connected.PageName}.";
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
