namespace LeadOps.Application.Leads.Welcome;

/// <summary>
/// Send a welcome e-mail: delivers one welcome message that <paramref name="Worker"/> has claimed, as the message's owner: skips it when the
/// lead cannot be reached, the integration is gone or its welcome switch is off; otherwise renders and sends it, and
/// records the outcome with the lead's welcome status in one save. A failed send is retried with backoff, then Failed.
/// <paramref name="PreviousClaimLapsed"/>: the claim before this one ended without an outcome (the message may have left).
/// </summary>
public sealed record DeliverWelcomeMessage(long OutboxMessageId, string Worker, bool PreviousClaimLapsed = false) : ICommand<WelcomeDeliveryOutcome>;

internal sealed class DeliverWelcomeMessageHandler(
    IWelcomeOutbox outbox,
    IIntegrationRepository integrations,
    IWelcomeChannel channel,
    WelcomeRetryPolicy policy,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    ILogger<DeliverWelcomeMessageHandler> logger) : ICommandHandler<DeliverWelcomeMessage, WelcomeDeliveryOutcome>
{
    /// <summary>What a message Failed past its last attempt says when the attempt before may have sent it.</summary>
    public const string MayAlreadyHaveIt = "The lead may already have this message.";

    public async ValueTask<WelcomeDeliveryOutcome> Handle(DeliverWelcomeMessage command, CancellationToken cancellationToken)
    {
        var message = await outbox.GetClaimedAsync(command.OutboxMessageId, command.Worker, cancellationToken);
        if (message?.Lead is not { } lead)
        {
            return WelcomeDeliveryOutcome.ClaimLost;
        }

        var integration = lead.IntegrationId is { } integrationId ? await integrations.GetWithoutFormsAsync(integrationId, cancellationToken) : null;
        var skip = channel.Unreachable(WelcomeRenderer.RecipientOf(lead))
            ?? (integration is null ? WelcomeSkipReasons.IntegrationDeleted : integration.WelcomeEnabled ? null : WelcomeSkipReasons.Disabled);
        if (skip is not null || integration is null)
        {
            message.MarkSkipped(skip ?? WelcomeSkipReasons.IntegrationDeleted);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Welcome message {OutboxMessageId} for lead {LeadId}: {Reason}", message.Id, lead.Id, skip);
            return WelcomeDeliveryOutcome.Skipped;
        }

        if (message.GiveUpPastLastAttempt(policy.MaxAttempts, command.PreviousClaimLapsed, MayAlreadyHaveIt, message.LastError) is { } reason)
        {
            message.MarkFailed(reason);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            logger.LogError(
                "Welcome message {OutboxMessageId} for lead {LeadId} failed: not sent again after {Attempts} attempts (the previous claim lapsed: {Lapsed})",
                message.Id, lead.Id, message.Attempts, command.PreviousClaimLapsed);
            return WelcomeDeliveryOutcome.Failed;
        }

        var rendered = WelcomeRenderer.Render(lead, integration);
        var result = await channel.SendAsync(rendered, cancellationToken);
        var outcome = Record(message, rendered, result);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        logger.LogInformation(
            "Welcome message {OutboxMessageId} for lead {LeadId}: {Outcome} after attempt {Attempt}", message.Id, lead.Id, outcome, message.Attempts);
        return outcome;
    }

    private WelcomeDeliveryOutcome Record(OutboxMessage message, WelcomeMessage rendered, WelcomeSendResult result)
    {
        var now = clock.GetUtcNow();
        var error = TextLimit.Cut(result.Error ?? "Unknown error");
        switch (result.Status)
        {
            case WelcomeSendStatus.Sent:
                message.MarkSent(now, rendered.MessageId);
                return WelcomeDeliveryOutcome.Sent;
            case WelcomeSendStatus.Rejected:
                message.MarkFailed(error);
                return WelcomeDeliveryOutcome.Failed;
            default:
                if (message.Attempts >= policy.MaxAttempts)
                {
                    message.MarkFailed(TextLimit.Cut($"{result.Error} (gave up after {message.Attempts} attempts)"));
                    return WelcomeDeliveryOutcome.Failed;
                }

                message.RetryAt(now + policy.DelayAfter(message.Attempts), error);
                return WelcomeDeliveryOutcome.RetryScheduled;
        }
    }
}
