namespace LeadOps.Application.Conversations.Commands;

/// <summary>
/// Reply to a conversation: a staff member's message sent through the Send API (the brief's
/// <c>/admin/send-message</c>, the Inbox's reply box and the API).
/// <paramref name="RecipientId"/>, when given, must be the conversation's customer. <paramref name="IdempotencyKey"/>
/// makes a repeated request answer with the first one's outcome instead of sending again; the key is bound to its first
/// request (user, conversation, text), and another request with it is a Conflict. <paramref name="Upload"/> is an image or
/// a file staff attached: it goes out as its own message after the text (Messenger sends text and a file separately),
/// once per key as well; the answer is then the file's, with the text's (<see cref="ReplyOutcome.TextPart"/>), or the
/// text's alone when the text was not sent, naming the file that was not sent with it (<see cref="ReplyOutcome.FileNotSent"/>).
/// </summary>
public sealed record SendAdminMessage(
    Guid ConversationId,
    string MessageText,
    string? RecipientId = null,
    string? IdempotencyKey = null,
    string? AuditNote = null,
    ReplyUpload? Upload = null) : ICommand<Result<ReplyOutcome>>;

public sealed class SendAdminMessageValidator : AbstractValidator<SendAdminMessage>
{
    public SendAdminMessageValidator()
    {
        RuleFor(c => c.ConversationId).NotEmpty().WithMessage("conversation_id is required.");
        When(c => c.Upload is null, () => RuleFor(c => c.MessageText).MessageText());
        When(c => c.Upload is not null, () => RuleFor(c => c.MessageText)
            .Must(t => t is null || t.Trim().Length <= MessengerMessage.MaxTextLength)
            .WithMessage($"A Messenger message can have at most {MessengerMessage.MaxTextLength} characters.").WithErrorCode("string_too_long"));
        RuleFor(c => c.RecipientId).Must(r => r is null || r.Length is > 0 and <= FacebookId.MaxLength).WithMessage("recipient_id must be the customer's Messenger id.");
        RuleFor(c => c.IdempotencyKey).MaximumLength(MessengerMessage.IdempotencyKeyLength)
            .WithMessage($"The idempotency key can have at most {MessengerMessage.IdempotencyKeyLength} characters.");
        RuleFor(c => c.Upload!.FileName).NotEmpty().MaximumLength(StoredFile.FileNameLength).WithMessage("The file needs a name.").When(c => c.Upload is not null);
    }
}

internal sealed class SendAdminMessageHandler(
    IConversationRepository conversations,
    ReplySender sender,
    IFileStore files,
    AttachmentOptions options,
    TimeProvider clock) : ICommandHandler<SendAdminMessage, Result<ReplyOutcome>>
{
    public async ValueTask<Result<ReplyOutcome>> Handle(SendAdminMessage command, CancellationToken cancellationToken)
    {
        var conversation = await conversations.GetAsync(command.ConversationId, cancellationToken);
        if (conversation is null)
        {
            return Result<ReplyOutcome>.NotFound("Conversation not found");
        }

        if (command.RecipientId is { } recipient && !string.Equals(recipient.Trim(), conversation.Psid, StringComparison.Ordinal))
        {
            return Result<ReplyOutcome>.Unprocessable("recipient_id is not this conversation's customer", "recipient_id");
        }

        var text = (command.MessageText ?? string.Empty).Trim();
        if (command.Upload is not { } upload)
        {
            return await sender.SendNewAsync(conversation, text, command.IdempotencyKey, command.AuditNote, cancellationToken);
        }

        var (type, contentType, refusal) = UploadRules.Check(upload, Math.Min(options.MaxUploadBytes, AttachmentOptions.MetaUploadLimit));
        if (refusal is not null)
        {
            return Result<ReplyOutcome>.Unprocessable(refusal, "file");
        }

        var key = string.IsNullOrWhiteSpace(command.IdempotencyKey) ? Guid.NewGuid().ToString("N") : command.IdempotencyKey.Trim();
        if (text.Length == 0)
        {
            return await SendFileAsync(conversation, upload, type!, contentType!, FileKey(key), command.AuditNote, cancellationToken);
        }

        // The text goes first; a text that was not sent takes its file with it, said so in the answer (never dropped unsaid).
        var first = await sender.SendNewAsync(conversation, text, key, command.AuditNote, cancellationToken);
        if (first.Status != ResultStatus.Ok || first.Value!.Status == MessageStatus.Failed)
        {
            return first.Status == ResultStatus.Ok ? Result<ReplyOutcome>.Ok(first.Value! with { FileNotSent = upload.FileName }) : first;
        }

        var file = await SendFileAsync(conversation, upload, type!, contentType!, FileKey(key), command.AuditNote, cancellationToken);
        return file.Status == ResultStatus.Ok ? Result<ReplyOutcome>.Ok(file.Value! with { TextPart = first.Value }) : file;
    }

    /// <summary>The file is stored with its reply row (same save), unless this key sent it already.</summary>
    private async Task<Result<ReplyOutcome>> SendFileAsync(Conversation conversation, ReplyUpload upload, string type, string contentType, string key, string? note, CancellationToken ct)
    {
        MessageAttachment? attachment = null;
        if (await conversations.FindByIdempotencyKeyAsync(key, ct) is null)
        {
            var file = StoredFile.Of(contentType, upload.FileName, upload.Bytes.Length, clock.GetUtcNow());
            await files.AddAsync(file, upload.Bytes, ct);
            attachment = MessageAttachment.Upload(type, file);
        }

        return await sender.SendNewAsync(conversation, string.Empty, key, note, attachment, ct);
    }

    private static string FileKey(string key) => (key.Length <= MessengerMessage.IdempotencyKeyLength - 5 ? key : key[..(MessengerMessage.IdempotencyKeyLength - 5)]) + "/file";
}
