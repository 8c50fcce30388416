using LeadOps.Application.Leads.Queries;

namespace LeadOps.Web.Pages.Leads;

/// <summary>One lead: every answer, where it came from and its welcome message.</summary>
public sealed class DetailsModel(IMediator mediator) : PageModel
{
    public LeadDetails Lead { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var result = await mediator.Send(new GetLead(id), ct);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        Lead = result.Value!;
        return Page();
    }
}
