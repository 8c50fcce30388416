using LeadOps.Application.Leads.Stages.Queries;

namespace LeadOps.Web.Components;

/// <summary>
/// The work on a lead, on its page: its stage and the form to move it, the stage history, the notes, and what Meta's
/// Conversions API was sent with its answer (partials <c>_Stage</c>, <c>_Notes</c>, <c>_Conversions</c>). Renders nothing for an unknown lead.
/// </summary>
public sealed class LeadWorkspaceViewComponent(IMediator mediator) : ViewComponent
{
    public const string NoticeKey = "WorkspaceNotice";
    public const string NoteRefusalKey = "WorkspaceNoteRefusal";
    public const string NoteTextKey = "WorkspaceNoteText";

    public async Task<IViewComponentResult> InvokeAsync(long leadId)
    {
        var workspace = await mediator.Send(new GetLeadWorkspace(leadId), HttpContext.RequestAborted);
        if (workspace.Value is not { } view)
        {
            return Content(string.Empty);
        }

        ViewData[NoticeKey] = TempData[NoticeKey] as string;
        ViewData[NoteRefusalKey] = TempData[NoteRefusalKey] as string;
        ViewData[NoteTextKey] = TempData[NoteTextKey] as string;
        return View(view);
    }
}
