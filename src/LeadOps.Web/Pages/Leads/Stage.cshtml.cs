using LeadOps.Application.Leads.Stages.Commands;
using LeadOps.Domain.Leads.Stages;
using LeadOps.Web.Components;

namespace LeadOps.Web.Pages.Leads;

/// <summary>
/// Moves leads between stages (one from its page, several from the list) and writes notes; each answers with a
/// redirect back to where staff were (post, redirect, get), saying on that page what happened or why not (a refused
/// note beside the note box, with its text).
/// </summary>
public sealed class StageModel(IMediator mediator) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Index");

    /// <summary><paramref name="from"/> is the stage the page showed: a lead moved since then is not moved again.</summary>
    public async Task<IActionResult> OnPostMoveAsync(long id, string? stage, string? from, CancellationToken ct) =>
        await MoveAsync([id], stage, from, () => RedirectToPage("Details", new { id }), ct);

    public async Task<IActionResult> OnPostBulkAsync(long[]? leadIds, string? stage, string? returnUrl, CancellationToken ct) =>
        await MoveAsync(leadIds ?? [], stage, null, () => Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage("Index"), ct);

    public async Task<IActionResult> OnPostNoteAsync(long id, string? text, CancellationToken ct)
    {
        var result = await this.SendFormAsync(mediator, new AddLeadNote(id, text ?? string.Empty), ct);
        if (result is { Status: ResultStatus.NotFound })
        {
            return NotFound();
        }

        if (result is { IsSuccess: true })
        {
            Notice("Note added.");
        }
        else
        {
            // Shown beside the note box, which keeps what was typed (as typed: the bound text is null when only blank). Not
            // a text over the limit: it would ride in the TempData cookie, and a large one would make every later request
            // too large to be served.
            TempData[LeadWorkspaceViewComponent.NoteRefusalKey] = Refusal();
            if (Request.Form["text"].ToString() is { Length: <= LeadNote.TextLength } typed)
            {
                TempData[LeadWorkspaceViewComponent.NoteTextKey] = typed;
            }
        }

        return RedirectToPage("Details", new { id });
    }

    private async Task<IActionResult> MoveAsync(IReadOnlyList<long> ids, string? stage, string? from, Func<IActionResult> back, CancellationToken ct)
    {
        var result = await this.SendFormAsync(mediator, new ChangeLeadStage(ids, stage ?? string.Empty, from), ct);
        if (result is { Status: ResultStatus.NotFound })
        {
            return NotFound();
        }

        Notice(result switch
        {
            { IsSuccess: true, Value: 0 } => "Nothing moved: already in that stage.",
            { IsSuccess: true, Value: 1 } => "Moved 1 lead.",
            { IsSuccess: true } => $"Moved {result.Value} leads.",
            { Detail: { } detail } => detail,
            _ => Refusal(),
        });
        return back();
    }

    private string Refusal() =>
        string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).DefaultIfEmpty("That did not work."));

    /// <summary>Shown once on the page staff return to (the lead's page, or the Leads list after a bulk move).</summary>
    private void Notice(string text) => TempData[LeadWorkspaceViewComponent.NoticeKey] = text;
}
