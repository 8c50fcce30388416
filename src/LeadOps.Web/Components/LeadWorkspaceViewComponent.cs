using LeadOps.Application.Leads.Stages.Queries;

namespace LeadOps.Web.Components;

/// <summary>
/// The work on a lead, on its page: its stage and the form to move it, the stage history, the notes, and what Meta's
/// Conversions API was sent with its answer (partials <c>_Stage</c>, <c>_Notes</c>, <c>_Conversions</c>). History and notes
/// show their newest <see cref="LeadWorkspace.PageSize"/> rows, and say when older ones are kept, with a link to them
/// (<c>?history_before=</c>, <c>?notes_before=</c>, <c>_OlderRows</c>). Renders nothing for an unknown lead.
/// </summary>
public sealed class LeadWorkspaceViewComponent(IMediator mediator) : ViewComponent
{
    public const string NoticeKey = "WorkspaceNotice";
    public const string NoteRefusalKey = "WorkspaceNoteRefusal";
    public const string NoteTextKey = "WorkspaceNoteText";

    /// <summary>The query keys of the "Show older" links of the history and the notes (a row id each, from the page before).</summary>
    public const string HistoryBeforeKey = "history_before";
    public const string NotesBeforeKey = "notes_before";
    public const string PagingRefusalKey = "WorkspacePagingRefusal";

    public async Task<IViewComponentResult> InvokeAsync(long leadId)
    {
        var historyBefore = Cursor(HistoryBeforeKey, out var badHistory);
        var notesBefore = Cursor(NotesBeforeKey, out var badNotes);
        var workspace = await mediator.Send(new GetLeadWorkspace(leadId, historyBefore, notesBefore), HttpContext.RequestAborted);
        if (workspace.Value is not { } view)
        {
            return Content(string.Empty);
        }

        // A link that was not one of the page's own shows the newest rows, and says so.
        ViewData[PagingRefusalKey] = badHistory || badNotes ? "That link to older rows could not be read: the newest are shown." : null;

        ViewData[NoticeKey] = TempData[NoticeKey] as string;
        ViewData[NoteRefusalKey] = TempData[NoteRefusalKey] as string;
        ViewData[NoteTextKey] = TempData[NoteTextKey] as string;
        return View(view);
    }

    private long? Cursor(string key, out bool unreadable)
    {
        var text = HttpContext.Request.Query[key].ToString();
        var read = long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0;
        unreadable = text.Length > 0 && !read;
        return read ? id : null;
    }
}
