using LeadOps.Application.Outgoing.Commands;
using LeadOps.Application.Outgoing.Queries;
using LeadOps.Domain.Outgoing;

namespace LeadOps.Web.Pages.Webhooks;

/// <summary>
/// Outgoing webhooks and alerts: register an HTTPS endpoint (its secret shown once), see its delivery log, send a test
/// event, resume it after a pause, remove it; try again an event that was set aside; and choose per integration how new leads and escalations are announced.
/// </summary>
[PersonOnly.PersonOnlyHandlers("Create")]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<WebhookEndpointView> Endpoints { get; private set; } = [];

    public IReadOnlyList<IntegrationAlertsView> Alerts { get; private set; } = [];

    /// <summary>Events the worker set aside after failed fan-outs, a page of them (<c>?p=</c>) and how many: each can be tried again.</summary>
    public SetAsideEventPage SetAside { get; private set; } = new([], 0, 1, ListSetAsideEvents.DefaultPageSize);

    /// <summary>The page of the set-aside list shown (as the Audit and Inbox lists page).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int SetAsidePage { get; set; } = 1;

    /// <summary>An endpoint just registered: its secret is shown on this one response, never again.</summary>
    public CreatedWebhookEndpoint? Created { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>Why a post changed nothing (an event that is not set aside), shown by the next GET.</summary>
    [TempData]
    public string? Refusal { get; set; }

    [BindProperty]
    public EndpointInput Input { get; set; } = new();

    /// <summary>The token the add-endpoint form carries on this page: a new one each time the page is shown.</summary>
    public Guid NextFormToken { get; } = Guid.NewGuid();

    /// <summary>The empty form has lead.created ticked; a post keeps what was ticked, nothing included.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = EndpointInput.Empty;
        await LoadAsync(ct);
    }

    /// <summary>
    /// Registered, the form is emptied (one more click must not register the same endpoint again) and the answer, which
    /// shows the secret, is not stored; refused as sent already, it is emptied too: what it holds is registered.
    /// </summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Created = await this.SendFormAsync(mediator, new RegisterWebhookEndpoint(Input.Url ?? string.Empty, Input.Events ?? [], Input.Description, Input.FormToken), ct, f => $"{nameof(Input)}.{f}");
        if (Created is not null)
        {
            Response.Headers.CacheControl = "no-store";
            Input = EndpointInput.Empty;
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            if (ModelState[$"{nameof(Input)}.{nameof(EndpointInput.FormToken)}"]?.Errors.Count > 0)
            {
                Input = EndpointInput.Empty;
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostTestAsync(int id, CancellationToken ct) =>
        this.NotFoundOr(await mediator.Send(new SendTestWebhook(id), ct), _ => Done("A test event is on its way; its attempt shows in the log below."));

    public async Task<IActionResult> OnPostResumeAsync(int id, CancellationToken ct) =>
        this.NotFoundOr(await mediator.Send(new ResumeWebhookEndpoint(id), ct), _ => Done("The endpoint was resumed; what waited for it is sent now."));

    /// <summary>Tries a set-aside event again; sent twice, the second post changes nothing and says why (ADR 0018).</summary>
    public async Task<IActionResult> OnPostTryAgainAsync(Guid eventId, CancellationToken ct) =>
        this.NotFoundOr(await mediator.Send(new TryOutgoingEventAgain(eventId), ct), tried =>
        {
            if (!tried.IsSuccess)
            {
                Refusal = $"{tried.Error}. {tried.Detail}";
                return BackToSetAside();
            }

            Notice = "The event will be prepared again at the next round; its deliveries show in the log below.";
            return BackToSetAside();
        });

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        this.NotFoundOr(await mediator.Send(new DeleteWebhookEndpoint(id), ct), _ => Done("The endpoint was removed."));

    /// <summary>An unknown mode is a 400 that changes nothing; an integration that is not the user's is a 404.</summary>
    public async Task<IActionResult> OnPostAlertsAsync(int integrationId, LeadAlertMode leads, bool escalations, CancellationToken ct)
    {
        if (!ModelState.IsValid || !Enum.IsDefined(leads))
        {
            return BadRequest();
        }

        return this.NotFoundOr(await mediator.Send(new SetIntegrationAlerts(integrationId, leads, escalations), ct), _ => Done("Alert settings saved."));
    }

    private RedirectToPageResult Done(string notice)
    {
        Notice = notice;
        return RedirectToPage();
    }

    /// <summary>Back to the page of the set-aside list the event was tried from.</summary>
    private RedirectToPageResult BackToSetAside() => SetAsidePage > 1 ? RedirectToPage(new { p = SetAsidePage }) : RedirectToPage();

    private async Task LoadAsync(CancellationToken ct)
    {
        Endpoints = await mediator.Send(new ListWebhookEndpoints(), ct);
        Alerts = await mediator.Send(new ListIntegrationAlerts(), ct);
        SetAside = await mediator.Send(new ListSetAsideEvents(SetAsidePage), ct);
    }

    public sealed class EndpointInput
    {
        /// <summary>The empty form: lead.created ticked.</summary>
        public static EndpointInput Empty => new() { Events = [OutgoingEventNames.LeadCreated] };

        public string? Url { get; set; }

        public string? Description { get; set; }

        /// <summary>What was ticked: none, when a post sends no event (the validator then asks for one).</summary>
        public List<string>? Events { get; set; }

        /// <summary>The one-time token of the form that was posted: posted again (a reload without script), nothing is registered (ADR 0018).</summary>
        public Guid? FormToken { get; set; }
    }
}
