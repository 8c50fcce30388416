namespace LeadOps.Application.Conversations.Commands;

/// <summary>
/// Staff look at a thread (<c>mark_seen</c>) or type in it (<c>typing_on</c>): LeadOps tells the customer, best effort.
/// Skipped outside the 24-hour window or when the page cannot send; a failure or a slow Meta is logged and forgotten,
/// never shown and never in a reply's way. True when Meta took it.
/// </summary>
public sealed record SendSenderAction(Guid ConversationId, SenderAction Action) : ICommand<Result<bool>>;

internal sealed partial class SendSenderActionHandler(
    IInboxReadModel readModel,
    IIntegrationRepository integrations,
    IMessengerGateway gateway,
    ITokenProtector protector,
    TimeProvider clock,
    ILogger<SendSenderActionHandler> logger) : ICommandHandler<SendSenderAction, Result<bool>>
{
    /// <summary>A typing indicator later than this is no use to anyone.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    public async ValueTask<Result<bool>> Handle(SendSenderAction command, CancellationToken cancellationToken)
    {
        var conversation = await readModel.GetConversationAsync(command.ConversationId, cancellationToken);
        if (conversation is null)
        {
            return Result<bool>.NotFound("Conversation not found");
        }

        if (conversation.WindowAt(clock.GetUtcNow(), useHumanAgentTag: false).Kind != WindowKind.Standard)
        {
            return Result<bool>.Ok(false);
        }

        var integration = await integrations.FindSenderAsync(conversation.IntegrationId, conversation.PageId, cancellationToken);
        if (integration is null || integration.IsDisabled || integration.MessagingBlocked || !integration.HasUsableToken)
        {
            return Result<bool>.Ok(false);
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        try
        {
            var credentials = protector.CredentialsFor(integration);
            await gateway.SendSenderActionAsync(credentials, conversation.Psid, command.Action, budget.Token);
            return Result<bool>.Ok(true);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Best effort: whatever went wrong (Meta refused, timed out, could not be reached) costs only the indicator.
            LogSkipped(logger, command.Action, conversation.Id, ex.GetType().Name);
            return Result<bool>.Ok(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sender action {Action} for conversation {ConversationId} not sent: {Reason}")]
    private static partial void LogSkipped(ILogger logger, SenderAction action, Guid conversationId, string reason);
}
