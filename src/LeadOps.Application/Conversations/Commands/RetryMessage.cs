namespace LeadOps.Application.Conversations.Commands;

/// <summary>Sends a failed staff reply again. Only a failed message is sent, once, however often Retry is pressed.</summary>
public sealed record RetryMessage(Guid ConversationId, long MessageId) : ICommand<Result<ReplyOutcome>>;

internal sealed class RetryMessageHandler(IConversationRepository conversations, ReplySender sender)
    : ICommandHandler<RetryMessage, Result<ReplyOutcome>>
{
    public async ValueTask<Result<ReplyOutcome>> Handle(RetryMessage command, CancellationToken cancellationToken)
    {
        var message = await conversations.GetMessageAsync(command.MessageId, cancellationToken);
        if (message is null || message.ConversationId != command.ConversationId)
        {
            return Result<ReplyOutcome>.NotFound("Message not found");
        }

        var conversation = await conversations.GetAsync(message.ConversationId, cancellationToken);
        return conversation is null
            ? Result<ReplyOutcome>.NotFound("Conversation not found")
            : Result<ReplyOutcome>.Ok(await sender.RetryAsync(conversation, message, cancellationToken));
    }
}
