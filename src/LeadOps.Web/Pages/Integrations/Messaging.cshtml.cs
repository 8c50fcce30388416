using LeadOps.Application.Conversations.Commands;

namespace LeadOps.Web.Pages.Integrations;

/// <summary>
/// Saves the integration's Messenger settings (the escalation payload) and goes back to the integration's page, whose
/// notice says which payload now escalates (the default, HUMAN_AGENT, when the field was emptied).
/// </summary>
public sealed class MessagingModel(IMediator mediator) : PageModel
{
    /// <summary>A reload of the form's address goes back to the integration's page; an id no integration can have is 404.</summary>
    public IActionResult OnGet(int id) => id > 0 ? RedirectToPage("Details", new { id }) : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, string? payload, CancellationToken ct)
    {
        var saved = await this.SendFormAsync(mediator, new SetEscalationPayload(id, payload), refused => TempData["MessagingProblem"] = refused.FirstMessage, ct);
        if (saved?.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (saved?.Value is { } settings)
        {
            TempData["Notice"] = Saved(payload, settings.EscalationPayload);
        }

        return RedirectToPage("Details", new { id });
    }

    /// <summary>What was saved, in words: an emptied field means the default payload escalates, and the notice says so.</summary>
    private static string Saved(string? typed, string payload) => string.IsNullOrWhiteSpace(typed)
        ? $"Messenger settings saved: no payload given, so the default {payload} escalates."
        : $"Messenger settings saved: the payload {payload} escalates.";
}
