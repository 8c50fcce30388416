using LeadOps.Application.Conversations.Queries;

namespace LeadOps.Web.Pages.Inbox;

/// <summary>
/// The Inbox list: Needs human first, longest waiting first (or longest waiting across states); filters by state and
/// page; searches names, PSIDs and messages; the resolved conversations as their own tab; updated live.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "state")]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "page_id")]
    public string? PageId { get; set; }

    /// <summary>The customer's name or page-scoped id.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>"waiting": longest waiting first, across states.</summary>
    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ConversationPage List { get; private set; } = null!;

    public bool Filtered => !string.IsNullOrEmpty(State) || !string.IsNullOrEmpty(PageId) || !string.IsNullOrWhiteSpace(Search);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>The list alone, for the live refresh.</summary>
    [LiveRegion]
    public async Task<IActionResult> OnGetListAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Partial("_ConversationList", this);
    }

    public string ListUrl => Url.Page("/Inbox/Index", "List", new { state = State, page_id = PageId, q = Search, sort = Sort, p = PageNumber })!;

    private async Task LoadAsync(CancellationToken ct) =>
        List = await mediator.Send(new ListConversations(InboxText.ParseState(State), PageId, PageNumber, Search: Search, LongestWaiting: LongestWaiting), ct);

    public bool LongestWaiting => string.Equals(Sort, "waiting", StringComparison.Ordinal);

    public bool ResolvedList => string.Equals(State, "resolved", StringComparison.Ordinal);
}
