namespace LeadOps.Web.Pages.Leads;

/// <summary>One lead: every answer, where it came from and its welcome message.</summary>
public sealed class DetailsModel(IMediator mediator) : PageModel
{
    public LeadDetails Lead { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        this.PageOrNotFound(await mediator.Send(new GetLead(id), ct), lead => Lead = lead);
}
