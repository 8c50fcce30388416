namespace LeadOps.Web.Pages.Leads;

/// <summary>One retrieval: progress while it runs (the page refreshes itself), then the summary and each processed lead.</summary>
public sealed class RunModel(IMediator mediator) : PageModel
{
    public RetrievalRunView Run { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        this.PageOrNotFound(await mediator.Send(new GetRetrievalRun(id), ct), run => Run = run);
}
