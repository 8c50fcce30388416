using Microsoft.AspNetCore.Mvc.ModelBinding;
using LeadOps.Application.Conversations.Commands;
using LeadOps.Application.Conversations.Queries;

namespace LeadOps.Web.Pages.Inbox;

/// <summary>The signed-in user's own Inbox settings: when a waiting customer turns amber and red, and saved replies.</summary>
public sealed class SettingsModel(IMediator mediator) : PageModel
{
    public InboxSettingsView Settings { get; private set; } = null!;

    /// <summary>
    /// Null when the field was left empty or held no whole number: the page says what to fill in, or what was wrong with
    /// what was typed, beside the field (not a page about the request).
    /// </summary>
    [BindProperty]
    public int? AmberMinutes { get; set; }

    [BindProperty]
    public int? RedMinutes { get; set; }

    [BindProperty]
    public ReplyInput Reply { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadThresholdsAsync(ct);

    [ShowsUnreadableFields(nameof(AmberMinutes), nameof(RedMinutes))]
    public async Task<IActionResult> OnPostThresholdsAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || AmberMinutes is not { } amber || RedMinutes is not { } red)
        {
            foreach (var (field, value, colour) in new[] { (nameof(AmberMinutes), AmberMinutes, "amber"), (nameof(RedMinutes), RedMinutes, "red") })
            {
                if (value is null && ModelState.GetFieldValidationState(field) != ModelValidationState.Invalid)
                {
                    ModelState.AddModelError(field, $"Give the minutes after which a waiting customer turns {colour}.");
                }
            }

            await LoadAsync(ct);
            return Page();
        }

        var result = await this.SendFormAsync(mediator, new SetWaitingThresholds(amber, red), ct);
        if (result is not { IsSuccess: true })
        {
            if (result is { Error: { } error })
            {
                ModelState.AddModelError(nameof(RedMinutes), error);
            }

            await LoadAsync(ct);
            return Page();
        }

        Notice = "Waiting times saved.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSaveReplyAsync(CancellationToken ct)
    {
        var command = new SaveSavedReply(Reply.Id, Reply.Title ?? string.Empty, Reply.Text ?? string.Empty);
        if (await this.SendFormAsync(mediator, command, ct, field => $"Reply.{field}") is not { } result)
        {
            await LoadThresholdsAsync(ct);
            return Page();
        }

        if (result.Status == ResultStatus.Unprocessable)
        {
            ModelState.AddModelError("Reply.Title", result.Error!);
            await LoadThresholdsAsync(ct);
            return Page();
        }

        return this.NotFoundOr(result, _ =>
        {
            Notice = "Saved reply kept.";
            return RedirectToPage();
        });
    }

    public async Task<IActionResult> OnPostDeleteReplyAsync(Guid id, CancellationToken ct) =>
        this.NotFoundOr(await mediator.Send(new DeleteSavedReply(id), ct), _ =>
        {
            Notice = "Saved reply deleted.";
            return RedirectToPage();
        });

    /// <summary>The settings, with the saved waiting times in the form.</summary>
    private async Task LoadThresholdsAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        AmberMinutes = Settings.AmberMinutes;
        RedMinutes = Settings.RedMinutes;
    }

    private async Task LoadAsync(CancellationToken ct) => Settings = await mediator.Send(new GetInboxSettings(), ct);

    public sealed class ReplyInput
    {
        public Guid? Id { get; set; }

        public string? Title { get; set; }

        public string? Text { get; set; }
    }
}
