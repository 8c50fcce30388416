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
        try
        {
            var result = await mediator.Send(new ConnectIntegration(PageAccessToken ?? string.Empty, Name), ct);
            if (result.Status == ResultStatus.Ok)
            {
                TempData["Notice"] = $"Connected {result.Value!.PageName}.";
                return RedirectToPage("Details", new { id = result.Value.Id });
            }

            ModelState.AddModelError(nameof(PageAccessToken), $"{result.Error}. {result.Detail}");
        }
        catch (Application.Common.ValidationException ex)
        {
            ModelState.AddValidationErrors(ex);
        }

        Integrations = await mediator.Send(new ListIntegrations(), ct);
        return Page();
    }
}
