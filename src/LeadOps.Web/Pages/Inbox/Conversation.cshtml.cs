using LeadOps.Application.Conversations.Commands;
using LeadOps.Application.Conversations.Queries;
using LeadOps.Domain.Conversations;

namespace LeadOps.Web.Pages.Inbox;

/// <summary>
/// One conversation: the thread (live), the reply box (sent server-side, once per idempotency key), Retry for failed
/// replies, and escalate / take / release / resolve.
/// </summary>
public sealed class ConversationModel(IMediator mediator) : PageModel
{
    public ConversationDetail Detail { get; private set; } = null!;

    [BindProperty]
    public ReplyInput Reply { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Problem { get; set; }

    public string LiveUrl => Url.Page("/Inbox/Conversation", "Live", new { id = Detail.Conversation.Id })!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Reply = new ReplyInput { IdempotencyKey = Guid.NewGuid().ToString("N") };
        return await LoadAsync(id, ct);
    }

    /// <summary>Header and thread alone, for the live refresh.</summary>
    public async Task<IActionResult> OnGetLiveAsync(Guid id, CancellationToken ct)
    {
        var result = await LoadAsync(id, ct);
        return result is PageResult ? Partial("_Live", this) : result;
    }

    public async Task<IActionResult> OnPostReplyAsync(Guid id, CancellationToken ct)
    {
        var command = new SendAdminMessage(id, Reply.Text ?? string.Empty, IdempotencyKey: Reply.IdempotencyKey);
        if (await this.SendFormAsync(mediator, command, ct, field => field == nameof(SendAdminMessage.MessageText) ? "Reply.Text" : string.Empty) is not { } result)
        {
            return await LoadAsync(id, ct);
        }

        if (result.Status == ResultStatus.Conflict)
        {
            ModelState.AddModelError("Reply.Text", result.Error!);
            return await LoadAsync(id, ct);
        }

        return this.NotFoundOr(result, sent =>
        {
            if (sent.Value is { Succeeded: false, Status: MessageStatus.Failed } failed)
            {
                Problem = $"The message was not sent: {failed.Error}";
            }

            return RedirectToPage(new { id });
        });
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, long messageId, CancellationToken ct) =>
        this.NotFoundOr(await mediator.Send(new RetryMessage(id, messageId), ct), retried =>
        {
            if (retried.Value is { Status: MessageStatus.Failed } failed)
            {
                Problem = $"The message was not sent: {failed.Error}";
            }

            return RedirectToPage(new { id });
        });

    public Task<IActionResult> OnPostEscalateAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, new EscalateConversation(id, Reason), "The conversation needs a person now.", ct);

    public Task<IActionResult> OnPostTakeAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, new TakeConversation(id), "You have taken the conversation.", ct);

    public Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, new ReleaseConversation(id), "The conversation is back with the bot.", ct);

    public Task<IActionResult> OnPostResolveAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, new ResolveConversation(id), "The conversation is resolved.", ct);

    private async Task<IActionResult> ActAsync(Guid id, ICommand<Result<ConversationView>> command, string success, CancellationToken ct)
    {
        if (await this.SendFormAsync(mediator, command, ct) is not { } result)
        {
            return await LoadAsync(id, ct);
        }

        return this.NotFoundOr(result, _ =>
        {
            Notice = success;
            return RedirectToPage(new { id });
        });
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken ct) =>
        this.PageOrNotFound(await mediator.Send(new GetConversation(id), ct), detail => Detail = detail);

    public sealed class ReplyInput
    {
        public string? Text { get; set; }

        public string? IdempotencyKey { get; set; }
    }
}
