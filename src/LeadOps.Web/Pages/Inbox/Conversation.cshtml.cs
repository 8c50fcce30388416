using LeadOps.Application.Conversations.Commands;
using LeadOps.Application.Conversations.Queries;
using LeadOps.Domain.Conversations;
using LeadOps.Web.Common;

namespace LeadOps.Web.Pages.Inbox;

/// <summary>
/// One conversation: the thread (live), the reply box (text and an optional image or file, sent server-side, once per
/// idempotency key), Retry for failed replies, escalate / take / release / resolve, and the sender actions the page's
/// script asks for while staff look and type (best effort); internal notes, saved replies, reopen, the customer's leads.
/// </summary>
[AcceptsUploads]
public sealed class ConversationModel(IMediator mediator) : PageModel
{
    public ConversationDetail Detail { get; private set; } = null!;

    [BindProperty]
    public ReplyInput Reply { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>An internal note for colleagues (never sent).</summary>
    [BindProperty]
    public string? NoteText { get; set; }

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Problem { get; set; }

    public string LiveUrl => Url.Page("/Inbox/Conversation", "Live", new { id = Detail.Conversation.Id })!;

    public string SenderActionUrl => Url.Page("/Inbox/Conversation", "SenderAction", new { id = Detail.Conversation.Id })!;

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    /// <summary>Header and thread alone, for the live refresh.</summary>
    [LiveRegion]
    public async Task<IActionResult> OnGetLiveAsync(Guid id, CancellationToken ct)
    {
        var result = await LoadAsync(id, ct);
        return result is PageResult ? Partial("_Live", this) : result;
    }

    public async Task<IActionResult> OnPostReplyAsync(Guid id, CancellationToken ct)
    {
        if (Reply.File is { Length: > AttachmentOptions.MetaUploadLimit })
        {
            ModelState.AddModelError("Reply.File", UploadRules.TooLarge(AttachmentOptions.MetaUploadLimit)); // before its bytes are read
            return await LoadAsync(id, ct);
        }

        var upload = Reply.File is { Length: > 0 } file ? await ReadAsync(file, ct) : null;
        var command = new SendAdminMessage(id, Reply.Text ?? string.Empty, IdempotencyKey: Reply.IdempotencyKey, Upload: upload);
        if (await this.SendFormAsync(mediator, command, ct, field => field == nameof(SendAdminMessage.MessageText) ? "Reply.Text" : "Reply.File") is not { } result)
        {
            return await LoadAsync(id, ct);
        }

        if (result.Status == ResultStatus.Unprocessable)
        {
            ModelState.AddModelError("Reply.File", result.Error!);
            return await LoadAsync(id, ct);
        }

        if (result.Status == ResultStatus.Conflict)
        {
            // The key was used for another reply (a page shown again from the history, its text edited): the form comes
            // back with a new key, or every resubmission of it would be refused the same way.
            ModelState.AddModelError("Reply.Text", result.Error!);
            ModelState.Remove("Reply.IdempotencyKey");
            Reply.IdempotencyKey = null;
            return await LoadAsync(id, ct);
        }

        return this.NotFoundOr(result, sent => Shown(sent.Value, id));
    }

    /// <summary>The page's script: staff look at the thread (<c>mark_seen</c>) or type (<c>typing_on</c>). Always 204: best effort.</summary>
    public async Task<IActionResult> OnPostSenderActionAsync(Guid id, string? action, CancellationToken ct)
    {
        SenderAction? chosen = action switch
        {
            "mark_seen" => SenderAction.MarkSeen,
            "typing_on" => SenderAction.TypingOn,
            "typing_off" => SenderAction.TypingOff,
            _ => null,
        };
        if (chosen is null)
        {
            return BadRequest();
        }

        var result = await mediator.Send(new SendSenderAction(id, chosen.Value), ct);
        return result.Status == ResultStatus.NotFound ? NotFound() : new NoContentResult();
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, long messageId, CancellationToken ct) =>
        this.NotFoundOr(await mediator.Send(new RetryMessage(id, messageId), ct), retried => Shown(retried.Value, id));

    /// <summary>
    /// Back to the thread, saying why a reply was not sent, or that Meta took one LeadOps could not record yet; of a text
    /// with a file, which part went and which did not, so that staff never send the text twice nor lose the file.
    /// </summary>
    private RedirectToPageResult Shown(ReplyOutcome? outcome, Guid id)
    {
        Problem = outcome switch
        {
            { Status: MessageStatus.Failed, FileNotSent: { } file } =>
                $"The message was not sent: {outcome.Error} The file {file} was not sent either: attach it again when you send the message again.",
            { Status: MessageStatus.Failed, TextPart: { } text } =>
                $"The text was sent{(text.Unconfirmed ? " (Meta has not confirmed it yet)" : string.Empty)}, but the file was not: {outcome.Error} Retry the file in the thread; do not send the text again.",
            { Status: MessageStatus.Failed } => $"The message was not sent: {outcome.Error}",
            { Unconfirmed: true } => outcome.Error,
            { TextPart.Unconfirmed: true } => outcome.TextPart.Error,
            _ => null,
        };
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostEscalateAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, new EscalateConversation(id, Reason), "The conversation needs a person now.", ct);

    public Task<IActionResult> OnPostTakeAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, new TakeConversation(id), "You have taken the conversation.", ct);

    public Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, new ReleaseConversation(id), "The conversation is back with the bot.", ct);

    public Task<IActionResult> OnPostResolveAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, new ResolveConversation(id), "The conversation is resolved.", ct);

    public Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, new ReopenConversation(id), "The conversation is open again and yours.", ct);

    /// <summary>An internal note: stored in the thread, never sent to Meta.</summary>
    public async Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken ct)
    {
        if (await this.SendFormAsync(mediator, new AddInternalNote(id, NoteText ?? string.Empty), ct, _ => nameof(NoteText)) is not { } result)
        {
            return await LoadAsync(id, ct);
        }

        return this.NotFoundOr(result, _ =>
        {
            Notice = "Note added. Only LeadOps staff see it.";
            return RedirectToPage(new { id });
        });
    }

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

    /// <summary>
    /// The page as shown, after a GET or a refused post alike: the reply form always carries an idempotency key (the one
    /// posted with a refused reply, whose resubmission it keeps from sending twice; a new one otherwise).
    /// </summary>
    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Reply.IdempotencyKey))
        {
            Reply.IdempotencyKey = Guid.NewGuid().ToString("N");
        }

        return this.PageOrNotFound(await mediator.Send(new GetConversation(id), ct), detail => Detail = detail);
    }

    private static async Task<ReplyUpload> ReadAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return new ReplyUpload(file.FileName, file.ContentType, buffer.ToArray());
    }

    public sealed class ReplyInput
    {
        public string? Text { get; set; }

        public string? IdempotencyKey { get; set; }

        /// <summary>An image or a file to send with the reply.</summary>
        public IFormFile? File { get; set; }
    }
}
