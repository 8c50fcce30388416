using LeadOps.Application.Integrations;
using LeadOps.Application.Integrations.Queries;
using LeadOps.Application.Leads.Commands;
using LeadOps.Web.Api.Leads;

namespace LeadOps.Web.Pages.Leads;

/// <summary>The lead list (newest first, search, filters, keyset paging) and the brief's Retrieve Facebook Leads flow.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<IntegrationView> Integrations { get; private set; } = [];

    public LeadPage Leads { get; private set; } = new([], null);

    public string? FilterError { get; private set; }

    [BindProperty]
    public RetrieveInput Retrieve { get; set; } = new();

    public bool ShowRetrieve { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Starts a retrieval and shows its run; any refusal, "not found" included, is shown on the form.</summary>
    public async Task<IActionResult> OnPostRetrieveAsync(CancellationToken ct)
    {
        var command = new StartRetrieval(Retrieve.IntegrationId, Retrieve.FormId ?? string.Empty, Utc(Retrieve.Since), Utc(Retrieve.Until?.AddDays(1)));
        var result = await this.SendFormAsync(mediator, command, ct, field => $"{nameof(Retrieve)}.{field}");
        if (result is { IsSuccess: true })
        {
            return RedirectToPage("Run", new { id = result.Value });
        }

        if (result is not null)
        {
            ModelState.AddModelError(string.Empty, result.Detail is null ? result.Error! : $"{result.Error}: {result.Detail}");
        }

        ShowRetrieve = true;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Integrations = await mediator.Send(new ListIntegrations(), ct);
        if (!LeadFilterBinder.TryBind(Request.Query, out var filter, out var error))
        {
            // A filter that cannot be applied shows no leads (not every lead) and says why.
            FilterError = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Leads = await mediator.Send(new ListLeads(filter, Request.Query["cursor"], 50), ct);
    }

    /// <summary>Dates picked on the page are whole days in UTC; "until" includes its day (the bound is the next midnight).</summary>
    private static DateTimeOffset? Utc(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public sealed class RetrieveInput
    {
        public int IntegrationId { get; set; }

        public string? FormId { get; set; }

        public DateOnly? Since { get; set; }

        public DateOnly? Until { get; set; }
    }
}
