using LeadOps.Application.Integrations;
using LeadOps.Application.Integrations.Commands;
using LeadOps.Application.Integrations.Queries;

namespace LeadOps.Web.Pages.Integrations;

/// <summary>
/// Links the integration to a Meta dataset (pixel) for the Conversions API for CRM: the dataset id, its access token
/// (stored encrypted, never shown again) and an optional test event code; or removes the link.
/// </summary>
public sealed class ConversionsModel(IMediator mediator) : PageModel
{
    public IntegrationView Integration { get; private set; } = null!;

    public ConversionsLinkView? Link { get; private set; }

    [BindProperty]
    public LinkInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new LinkInput { DatasetId = Link?.DatasetId, TestEventCode = Link?.TestEventCode };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var command = new LinkConversionsDataset(id, Input.DatasetId ?? string.Empty, Input.AccessToken, Input.TestEventCode);
        var result = await this.SendFormAsync(mediator, command, ct, field => $"{nameof(Input)}.{field}");
        if (result is { Status: ResultStatus.NotFound })
        {
            return NotFound();
        }

        if (result is { IsSuccess: true })
        {
            Notice = result.Value!.TestMode ? "Dataset linked in test mode." : "Dataset linked.";
            return RedirectToPage(new { id });
        }

        if (result?.Detail is { } detail)
        {
            ModelState.AddModelError(string.Empty, detail);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostUnlinkAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var result = await mediator.Send(new UnlinkConversionsDataset(id), ct);
        Notice = result.IsSuccess ? "Dataset unlinked: stage changes are no longer sent to Meta." : result.Error;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var integration = await mediator.Send(new GetIntegration(id), ct);
        if (integration.Value is null)
        {
            return false;
        }

        Integration = integration.Value;
        Link = await mediator.Send(new GetConversionsLink(id), ct);
        return true;
    }

    public sealed class LinkInput
    {
        public string? DatasetId { get; set; }

        public string? AccessToken { get; set; }

        public string? TestEventCode { get; set; }
    }
}
