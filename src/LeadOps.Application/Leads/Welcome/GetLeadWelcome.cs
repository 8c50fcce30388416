namespace LeadOps.Application.Leads.Welcome;

/// <summary>A lead's welcome message as staff see it on the lead's page.</summary>
public sealed record GetLeadWelcome(long LeadId) : IQuery<Result<LeadWelcomeView>>;

internal sealed class GetLeadWelcomeHandler(IWelcomeOutbox outbox, WelcomeRetryPolicy policy)
    : IQueryHandler<GetLeadWelcome, Result<LeadWelcomeView>>
{
    public async ValueTask<Result<LeadWelcomeView>> Handle(GetLeadWelcome query, CancellationToken cancellationToken) =>
        await outbox.GetForLeadAsync(query.LeadId, cancellationToken) is { } message
            ? Result<LeadWelcomeView>.Ok(LeadWelcomeView.From(message, policy))
            : Result<LeadWelcomeView>.NotFound(RetryWelcomeMessageHandler.NotFound);
}
