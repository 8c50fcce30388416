using LeadOps.Application.Leads;
using LeadOps.Application.Leads.Commands;

namespace LeadOps.Web.Pages.Leads;

/// <summary>
/// Sync history (every run: trigger, form, counts, duration, outcome), webhook health per integration, the leads that
/// could not be stored, and the webhook deliveries of the user's pages that kept failing (with a Retry button).
/// </summary>
public sealed class RunsModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<RetrievalRunView> Runs { get; private set; } = [];

    public IReadOnlyList<WebhookHealth> Health { get; private set; } = [];

    public IReadOnlyList<LeadFailureView> Failures { get; private set; } = [];

    public IReadOnlyList<FailedDeliveryView> FailedDeliveries { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Runs = await mediator.Send(new ListRetrievalRuns(100), ct);
        Health = await mediator.Send(new GetWebhookHealth(), ct);
        Failures = await mediator.Send(new ListLeadFailures(50), ct);
        FailedDeliveries = await mediator.Send(new ListFailedDeliveries(20), ct);
    }

    public async Task<IActionResult> OnPostRetryDeliveryAsync(long id, CancellationToken ct) =>
        this.NotFoundOr(await mediator.Send(new RetryWebhookDelivery(id), ct), _ =>
        {
            Notice = $"Webhook delivery {id} is queued again.";
            return RedirectToPage();
        });
}
