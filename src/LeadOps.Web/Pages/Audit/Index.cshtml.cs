using LeadOps.Application.Common.Audit;

namespace LeadOps.Web.Pages.Audit;

/// <summary>The signed-in user's audit trail: every send, retry, escalation, take, release and resolve, newest first.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public AuditPage Entries { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Entries = await mediator.Send(new ListAuditEntries(PageNumber), ct);
}
