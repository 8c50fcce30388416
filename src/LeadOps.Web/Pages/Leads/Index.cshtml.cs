using LeadOps.Application.Integrations;
using LeadOps.Application.Integrations.Queries;
using LeadOps.Application.Leads.Commands;
using LeadOps.Application.Leads.Stages.Queries;
using LeadOps.Web.Api.Leads;

namespace LeadOps.Web.Pages.Leads;

/// <summary>
/// The lead list (newest first, search, filters, a count, keyset paging, new leads live) and the brief's Retrieve
/// Facebook Leads flow: one choice of form grouped by page, or every form of a page. Before a retrieval of one form
/// starts, the page says how many welcome e-mails it would send; staff choose to send them or none. Every post ends in
/// a redirect (ADR 0018): the preview and a refusal are shown by the GET that follows.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const string SendWelcomes = "send";
    public const string SendNone = "none";

    public IReadOnlyList<IntegrationView> Integrations { get; private set; } = [];

    public LeadPage Leads { get; private set; } = new([], null);

    /// <summary>How many leads the filters find over every page; null when the filters could not be read.</summary>
    public int? Total { get; private set; }
    /// <summary>
    /// The user's stages with how many leads the list's other filters find in each: the stage filter, the bulk move and
    /// each row's stage (_StageBar, inside the live region with the list).
    /// </summary>
    public IReadOnlyList<LeadOps.Application.Leads.Stages.StageView> Stages { get; private set; } = [];

    public string? FilterError { get; private set; }

    /// <summary>Whether any filter or search is set (an empty list then means "no match", not "no leads").</summary>
    public bool Filtered { get; private set; }

    [BindProperty]
    public RetrieveInput Retrieve { get; set; } = new();

    public bool ShowRetrieve { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>What the retrieval asked for would do, shown before it starts when it would send welcome e-mails.</summary>
    public RetrievalPreview? Preview { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (RetrieveChoice.FromQuery(Request.Query) is { } asked)
        {
            Retrieve = asked;
            ShowRetrieve = true;
            if (Request.Query.ContainsKey("preview") && asked.Bounds() is var (since, until))
            {
                // A preview the page cannot make (Graph refused, a run under way, an integration not found) says why beside
                // the form choice, as the post's refusal does.
                var previewed = await this.SendFormAsync(mediator, new PreviewRetrieval(asked.IntegrationId, asked.FormId ?? string.Empty, since, until), ct, Field);
                Preview = previewed is { IsSuccess: true } p ? p.Value : null;
                if (Preview is null)
                {
                    AddChoiceRefusal(previewed);
                    Response.StatusCode = StatusCodes.Status400BadRequest;
                }
            }
        }
    }

    /// <summary>The list and its stage bar (the counts), for the live refresh when a lead arrives.</summary>
    [LiveRegion]
    public async Task<IActionResult> OnGetListAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Partial("_LeadList", this);
    }

    /// <summary>
    /// Every form of a page: a run of each form queued in the background at once (a form under way is refused and named),
    /// then Sync history shows the runs and their progress; nothing of it hangs on this request. One
    /// form without a welcome choice: previewed, and started at once when it would send no e-mail, else the GET asks.
    /// With one: started, sending the welcome e-mails or none. Any refusal, "not found" included, shows beside the form.
    /// </summary>
    [ShowsUnreadableFields(SinceField, UntilField)]
    public async Task<IActionResult> OnPostRetrieveAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await Refused<int>(null, ct); // a date that could not be read, already beside its field
        }

        Retrieve.ApplyChoice();
        if (Retrieve.AllForms)
        {
            var bulk = await this.SendFormAsync(mediator, new StartBulkRetrieval(Retrieve.IntegrationId), ct, Field);
            if (bulk is { IsSuccess: true, Value: { Queued.Count: > 0 } started })
            {
                Notice = QueuedNotice(started);
                return RedirectToPage("Runs");
            }

            if (bulk is { IsSuccess: true, Value: { } none })
            {
                ModelState.AddModelError(ChoiceField, none.Forms.Count == 0 ? "The page has no lead forms to retrieve." : $"No form was started. {RefusedText(none)}");
                return await Refused<int>(null, ct);
            }

            return await Refused(bulk, ct);
        }

        var (since, until) = Retrieve.Bounds();
        if (Retrieve.Welcome is not (SendWelcomes or SendNone))
        {
            var preview = await this.SendFormAsync(mediator, new PreviewRetrieval(Retrieve.IntegrationId, Retrieve.FormId ?? string.Empty, since, until), ShowRefusal, ct);
            if (preview is { IsSuccess: true, Value.WelcomeEmails: > 0 })
            {
                return RedirectToPage(Retrieve.RouteValues(preview: true));
            }

            if (preview is not { IsSuccess: true })
            {
                return await Refused(preview, ct);
            }
        }

        var command = new StartRetrieval(Retrieve.IntegrationId, Retrieve.FormId ?? string.Empty, since, until, SendWelcome: Retrieve.Welcome != SendNone);
        var result = await this.SendFormAsync(mediator, command, ShowRefusal, ct);
        return result is { IsSuccess: true } ? RedirectToPage("Run", new { id = result.Value }) : await Refused(result, ct);
    }

    private static string QueuedNotice(BulkRetrievalStart started) =>
        $"Retrieving every form of the page in the background: {started.Queued.Count} run{(started.Queued.Count == 1 ? "" : "s")} queued, shown below as they go." +
        (started.Refused.Count > 0 ? $" Not started: {RefusedText(started)}" : "");

    private static string RefusedText(BulkRetrievalStart start) =>
        string.Join(" ", start.Refused.Select(f => $"{f.FormName ?? f.FormId}: {f.Refusal}"));

    /// <summary>
    /// A refusal (the validator's, already beside its field, or the use case's, put beside the form choice) is the page
    /// again as a 400 with the panel open; it changed nothing, and the page's script turns the address back into the
    /// GET so that a reload does not post again (ADR 0018).
    /// </summary>
    private async Task<IActionResult> Refused<T>(Result<T>? refusal, CancellationToken ct)
    {
        AddChoiceRefusal(refusal);
        ShowRetrieve = true;
        await LoadAsync(ct);
        return Page();
    }

    private void AddChoiceRefusal<T>(Result<T>? refusal)
    {
        if (refusal is not null)
        {
            ModelState.AddModelError(ChoiceField, refusal.Detail is null ? refusal.Error! : $"{refusal.Error}: {refusal.Detail}");
        }
    }

    public static string ChoiceField => $"{nameof(Retrieve)}.{nameof(RetrieveInput.Choice)}";

    public const string SinceField = $"{nameof(Retrieve)}.{nameof(RetrieveInput.Since)}";

    public const string UntilField = $"{nameof(Retrieve)}.{nameof(RetrieveInput.Until)}";

    /// <summary>
    /// The validator's refusal of a retrieval beside the panel's fields. Its rule on the dates (the API's "until must be
    /// after since", over the bounds the panel's whole days make) is said in the panel's words.
    /// </summary>
    private void ShowRefusal(ValidationException refused)
    {
        foreach (var (field, messages) in refused.Errors)
        {
            ModelState.AddModelError(Field(field), field == nameof(RetrieveInput.Until) ? "Until must be on or after From." : string.Join(" ", messages));
        }
    }

    private static string Field(string field) => field is nameof(RetrieveInput.FormId) or nameof(RetrieveInput.IntegrationId) ? ChoiceField : $"{nameof(Retrieve)}.{field}";

    private async Task LoadAsync(CancellationToken ct)
    {
        Integrations = await mediator.Send(new ListIntegrations(), ct);
        Filtered = Request.Query.Keys.Any(k => k is "q" or "form_id" or "source" or "welcome_status" or "since" or "until" or "integration_id" or "stage" && Request.Query[k].ToString().Length > 0);
        var refused = CreatedDays.Refusal(Request.Query);
        if (refused is not null || !LeadFilterBinder.TryBind(CreatedDays.ForList(Request.Query), out var filter, out refused))
        {
            // A filter that cannot be applied shows no leads (not every lead), no stage counts, and says why.
            Stages = await mediator.Send(new ListStages(), ct);
            FilterError = refused;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // The stage counts are of the leads the other filters find, by the list's own query, and are refreshed with it.
        Stages = await mediator.Send(new ListStages(filter), ct);
        Leads = await mediator.Send(new ListLeads(filter, Request.Query["cursor"], ListLeads.DefaultPageSize), ct);
        Total = await mediator.Send(new CountLeads(filter), ct);
    }

    public sealed class RetrieveInput : RetrieveChoice;
}
