namespace LeadOps.Web.Pages.Leads;

/// <summary>Sync history (every run: trigger, form, counts, duration, outcome) and webhook health per integration.</summary>
public sealed class RunsModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<RetrievalRunView> Runs { get; private set; } = [];

    public IReadOnlyList<WebhookHealth> Health { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Runs = await mediator.Send(new ListRetrievalRuns(100), ct);
        Health = await mediator.Send(new GetWebhookHealth(), ct);
    }
}
