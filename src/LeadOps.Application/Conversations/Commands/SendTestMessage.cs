namespace LeadOps.Application.Conversations.Commands;

/// <summary>
/// The brief's <c>/test-message</c>, made safe: only to a customer who has a conversation with one of the acting
/// user's pages (the most recent one), under the same window rules and audit as any reply.
/// </summary>
public sealed record SendTestMessage(string RecipientId, string Message) : ICommand<Result<ReplyOutcome>>;

public sealed class SendTestMessageValidator : AbstractValidator<SendTestMessage>
{
    public SendTestMessageValidator()
    {
        RuleFor(c => c.RecipientId).NotEmpty().WithMessage("recipient_id is required.").MessengerId("recipient_id");
        RuleFor(c => c.Message).MessageText();
    }
}

internal sealed class SendTestMessageHandler(IConversationRepository conversations, ReplySender sender)
    : ICommandHandler<SendTestMessage, Result<ReplyOutcome>>
{
    public async ValueTask<Result<ReplyOutcome>> Handle(SendTestMessage command, CancellationToken cancellationToken)
    {
        var conversation = await conversations.FindLatestByPsidAsync(command.RecipientId.Trim(), cancellationToken);
        return conversation is null
            ? Result<ReplyOutcome>.NotFound("No conversation with this recipient")
            : await sender.SendNewAsync(conversation, command.Message.Trim(), null, "test message", cancellationToken);
    }
}
