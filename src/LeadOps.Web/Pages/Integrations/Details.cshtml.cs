using LeadOps.Application.Integrations;
using LeadOps.Application.Integrations.Commands;
using LeadOps.Application.Integrations.Queries;

namespace LeadOps.Web.Pages.Integrations;

/// <summary>
/// One integration: test it, subscribe its webhooks, see what keeps its leads arriving (subscription, lead access, the
/// schedule), switch a form's sync off, require a form's consent before its welcome, send a test lead, edit the welcome
/// message, reconnect, disable, delete.
/// </summary>
public sealed class DetailsModel(IMediator mediator) : PageModel
{
    public IntegrationView Integration { get; private set; } = null!;

    /// <summary>What the last test found, carried from its post to the GET that shows it (ADR 0018).</summary>
    public IntegrationTestFindings? TestResult { get; private set; }

    [TempData]
    public string? TestJson { get; set; }

    [BindProperty]
    public WelcomeInput Welcome { get; set; } = new();

    [BindProperty]
    public string? NewToken { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        TestResult = TestSummary.Read(TestJson);
        return await LoadAsync(id, ct);
    }

    public async Task<IActionResult> OnPostTestAsync(int id, CancellationToken ct) =>
        this.NotFoundOr(await mediator.Send(new TestIntegration(id), ct), test =>
        {
            TestJson = TestSummary.Write(test.Value!.Findings);
            return RedirectToPage(new { id });
        });

    public Task<IActionResult> OnPostSubscribeAsync(int id, CancellationToken ct) =>
        RunAsync(id, new SubscribeWebhooks(id), "Subscribed to the page's leadgen and messages webhooks.", ct);

    public Task<IActionResult> OnPostEnableAsync(int id, bool enabled, CancellationToken ct) =>
        RunAsync(id, new SetIntegrationEnabled(id, enabled), enabled ? "The integration is enabled." : "The integration is disabled.", ct);

    public Task<IActionResult> OnPostFormSyncAsync(int id, string formId, bool enabled, CancellationToken ct) =>
        RunAsync(id, new UpdateFormSync(id, formId, enabled), enabled ? "The form is synced on the schedule." : "The form's scheduled sync is off.", ct);

    public Task<IActionResult> OnPostFormConsentAsync(int id, string formId, string? consentKey, CancellationToken ct) =>
        RunAsync(id, new RequireWelcomeConsent(id, formId, consentKey), "Welcome consent saved.", ct);

    public Task<IActionResult> OnPostTestLeadAsync(int id, string formId, CancellationToken ct) =>
        RunAsync(id, new SendTestLead(id, formId), "A test lead was sent through Facebook: this page shows when and how it arrives.", ct);

    public Task<IActionResult> OnPostWelcomeAsync(int id, CancellationToken ct) =>
        RunAsync(id, new UpdateWelcomeTemplate(id, Welcome.Enabled, Welcome.Subject ?? string.Empty, Welcome.Body ?? string.Empty), "Welcome message saved.", ct, keepInput: true,
            fieldKey: field => $"{nameof(Welcome)}.{field}");

    public Task<IActionResult> OnPostReconnectAsync(int id, CancellationToken ct) =>
        RunAsync(id, new ReconnectIntegration(id, NewToken ?? string.Empty), "The page was reconnected with the new token.", ct, field: nameof(NewToken));

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        this.NotFoundOr(await mediator.Send(new DeleteIntegration(id), ct), _ =>
        {
            TempData["Notice"] = "The integration was deleted. Its leads are kept.";
            return RedirectToPage("Index");
        });

    /// <summary>Runs a change; a refusal (the validator's or the use case's) shows the page again with the reason.</summary>
    /// <paramref name="field"/> names the field the command's input came from: its refusal is shown beside it;
    /// <paramref name="fieldKey"/> instead names the form field of each of the command's fields (a form of several).
    private async Task<IActionResult> RunAsync(int id, ICommand<Result<IntegrationView>> command, string success, CancellationToken ct, bool keepInput = false, string? field = null,
        Func<string, string>? fieldKey = null)
    {
        if (await this.SendFormAsync(mediator, command, ct, fieldKey ?? (field is null ? null : _ => field)) is not { } result)
        {
            return await LoadAsync(id, ct, keepInput);
        }

        return await this.NotFoundOrAsync(result, async changed =>
        {
            if (changed.IsSuccess)
            {
                Notice = success;
                return RedirectToPage(new { id });
            }

            ModelState.AddModelError(field ?? string.Empty, $"{changed.Error}. {changed.Detail}");
            return await LoadAsync(id, ct, keepInput);
        });
    }

    private async Task<IActionResult> LoadAsync(int id, CancellationToken ct, bool keepInput = false) =>
        this.NotFoundOr(await mediator.Send(new GetIntegration(id), ct), found => Show(found.Value!, keepInput));

    private PageResult Show(IntegrationView integration, bool keepInput = false)
    {
        Integration = integration;
        if (!keepInput)
        {
            Welcome = new WelcomeInput { Enabled = integration.WelcomeEnabled, Subject = integration.WelcomeSubject, Body = integration.WelcomeBody };
        }

        return Page();
    }

    public sealed class WelcomeInput
    {
        public bool Enabled { get; set; }

        public string? Subject { get; set; }

        public string? Body { get; set; }
    }
}
