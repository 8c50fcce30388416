using LeadOps.Application.Integrations;
using LeadOps.Application.Integrations.Queries;
using LeadOps.Application.Leads.Commands;
using LeadOps.Web.Api.Leads;

namespace LeadOps.Web.Pages.Leads;

/// <summary>
/// The lead list (newest first, search, filters, keyset paging) and the brief's Retrieve Facebook Leads flow. Before a
/// retrieval starts, the page says how many welcome e-mails it would send; staff choose to send them or none.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const string SendWelcomes = "send";
    public const string SendNone = "none";

    public IReadOnlyList<IntegrationView> Integrations { get; private set; } = [];

    public LeadPage Leads { get; private set; } = new([], null);

    /// <summary>The user's stages with their counts: the stage filter, the bulk move and each row's stage (_StageBar).</summary>
    public IReadOnlyList<LeadOps.Application.Leads.Stages.StageView> Stages { get; private set; } = [];

    public string? FilterError { get; private set; }

    [BindProperty]
    public RetrieveInput Retrieve { get; set; } = new();

    public bool ShowRetrieve { get; private set; }

    /// <summary>What the retrieval asked for would do, shown before it starts when it would send welcome e-mails.</summary>
    public RetrievalPreview? Preview { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>
    /// Without a welcome choice: previews the retrieval and starts it at once when it would send no e-mail, else asks.
    /// With one: starts it, sending the welcome e-mails or none. Any refusal, "not found" included, shows on the form.
    /// </summary>
    public async Task<IActionResult> OnPostRetrieveAsync(CancellationToken ct)
    {
        var (since, until) = (Utc(Retrieve.Since), Utc(Retrieve.Until?.AddDays(1)));
        if (Retrieve.Welcome is not (SendWelcomes or SendNone))
        {
            var preview = await this.SendFormAsync(mediator, new PreviewRetrieval(Retrieve.IntegrationId, Retrieve.FormId ?? string.Empty, since, until), ct, Field);
            if (preview is { IsSuccess: true, Value.WelcomeEmails: > 0 })
            {
                Preview = preview.Value;
                return await ShowRetrieveAsync(ct);
            }

            if (preview is not { IsSuccess: true })
            {
                return await ShowRetrieveAsync(preview, ct);
            }
        }

        var command = new StartRetrieval(Retrieve.IntegrationId, Retrieve.FormId ?? string.Empty, since, until, SendWelcome: Retrieve.Welcome != SendNone);
        var result = await this.SendFormAsync(mediator, command, ct, Field);
        return result is { IsSuccess: true } ? RedirectToPage("Run", new { id = result.Value }) : await ShowRetrieveAsync(result, ct);
    }

    private static string Field(string field) => $"{nameof(Retrieve)}.{field}";

    private async Task<IActionResult> ShowRetrieveAsync<T>(Result<T>? refusal, CancellationToken ct)
    {
        if (refusal is not null)
        {
            ModelState.AddModelError(string.Empty, refusal.Detail is null ? refusal.Error! : $"{refusal.Error}: {refusal.Detail}");
        }

        return await ShowRetrieveAsync(ct);
    }

    private async Task<IActionResult> ShowRetrieveAsync(CancellationToken ct)
    {
        ShowRetrieve = true;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Integrations = await mediator.Send(new ListIntegrations(), ct);
        Stages = await mediator.Send(new LeadOps.Application.Leads.Stages.Queries.ListStages(), ct);
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

        /// <summary><see cref="SendWelcomes"/>, <see cref="SendNone"/>, or empty: ask first.</summary>
        public string? Welcome { get; set; }
    }
}
