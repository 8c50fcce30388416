using LeadOps.Application.Leads.Stages;
using LeadOps.Application.Leads.Stages.Commands;
using LeadOps.Application.Leads.Stages.Queries;

namespace LeadOps.Web.Pages.Leads;

/// <summary>
/// The user's stages: rename (and map to another Meta event name), add at the end, move up or down. The first stage,
/// where new leads enter, stays first. Each change redirects back here (post, redirect, get).
/// </summary>
public sealed class StagesModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<StageView> Stages { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Stages = await mediator.Send(new ListStages(), ct);

    public async Task<IActionResult> OnPostSaveAsync(string? key, string? name, string? metaEventName, CancellationToken ct)
    {
        var result = await this.SendFormAsync(mediator, new SaveStage(string.IsNullOrEmpty(key) ? null : key, name ?? string.Empty, metaEventName), ct);
        return await AnswerAsync(result, key is null ? "Stage added." : "Stage saved.", ct);
    }

    public async Task<IActionResult> OnPostMoveAsync(string? key, bool up, CancellationToken ct) =>
        await AnswerAsync(await mediator.Send(new MoveStage(key ?? string.Empty, up), ct), "Stage moved.", ct);

    private async Task<IActionResult> AnswerAsync(Result<string>? result, string done, CancellationToken ct)
    {
        if (result is { IsSuccess: true })
        {
            Notice = done;
            return RedirectToPage();
        }

        if (result is { Status: ResultStatus.NotFound })
        {
            return NotFound();
        }

        if (result?.Detail is { } detail)
        {
            ModelState.AddModelError(string.Empty, detail);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await OnGetAsync(ct);
        return Page();
    }
}
