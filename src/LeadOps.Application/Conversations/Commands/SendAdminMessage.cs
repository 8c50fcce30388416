namespace LeadOps.Application.Conversations.Commands;

/// <summary>
/// Reply to a conversation: a staff member's message sent through the Send API (the brief's
/// <c>/admin/send-message</c>, the Inbox's reply box and the API).
/// <paramref name="RecipientId"/>, when given, must be the conversation's customer. <paramref name="IdempotencyKey"/>
/// makes a repeated request answer with the first one's outcome instead of sending again; the key is bound to its first
/// request (user, conversation, text), and another request with it is a Conflict.
/// </summary>
public sealed record SendAdminMessage(
    Guid ConversationId,
    string MessageText,
    string? RecipientId = null,
    string? IdempotencyKey = null,
    string? AuditNote = null) : ICommand<Result<ReplyOutcome>>;

public sealed class SendAdminMessageValidator : AbstractValidator<SendAdminMessage>
{
    public SendAdminMessageValidator()
    {
        RuleFor(c => c.ConversationId).NotEmpty().WithMessage("conversation_id is required.");
        RuleFor(c => c.MessageText).MessageText();
        RuleFor(c => c.RecipientId).Must(r => r is null || r.Length is > 0 and <= FacebookId.MaxLength).WithMessage("recipient_id must be the customer's Messenger id.");
        RuleFor(c => c.IdempotencyKey).MaximumLength(MessengerMessage.IdempotencyKeyLength)
            .WithMessage($"The idempotency key can have at most {MessengerMessage.IdempotencyKeyLength} characters.");
    }
}

internal sealed class SendAdminMessageHandler(IConversationRepository conversations, ReplySender sender)
    : ICommandHandler<SendAdminMessage, Result<ReplyOutcome>>
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

        return await sender.SendNewAsync(conversation, command.MessageText.Trim(), command.IdempotencyKey, command.AuditNote, cancellationToken);
    }
}
