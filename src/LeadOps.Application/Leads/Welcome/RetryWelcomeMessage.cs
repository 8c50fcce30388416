namespace LeadOps.Application.Leads.Welcome;

/// <summary>Staff send a Failed welcome message again from the lead's page: a fresh round of attempts, due now.</summary>
public sealed record RetryWelcomeMessage(long LeadId) : ICommand<Result<LeadWelcomeView>>;

internal sealed class RetryWelcomeMessageHandler(IWelcomeOutbox outbox, WelcomeRetryPolicy policy, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<RetryWelcomeMessage, Result<LeadWelcomeView>>
{
    public const string NotFound = "Lead not found";
    public const string NotFailed = "Only a failed welcome message can be sent again";

    public async ValueTask<Result<LeadWelcomeView>> Handle(RetryWelcomeMessage command, CancellationToken cancellationToken)
    {
        var message = await outbox.GetForLeadAsync(command.LeadId, cancellationToken);
        if (message is null)
        {
            return Result<LeadWelcomeView>.NotFound(NotFound);
        }

        if (message.Status != OutboxStatus.Failed)
        {
            return Result<LeadWelcomeView>.Conflict(NotFailed, $"It is {message.Status}.");
        }

        message.Requeue(clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<LeadWelcomeView>.Ok(LeadWelcomeView.From(message, policy));
    }
}
