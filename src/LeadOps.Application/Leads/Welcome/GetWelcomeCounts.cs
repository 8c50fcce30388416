namespace LeadOps.Application.Leads.Welcome;

/// <summary>How many of the user's leads are Pending, Sent, Failed and Skipped (the Leads page shows them).</summary>
public sealed record GetWelcomeCounts : IQuery<WelcomeCounts>;

internal sealed class GetWelcomeCountsHandler(IWelcomeOutbox outbox) : IQueryHandler<GetWelcomeCounts, WelcomeCounts>
{
    public async ValueTask<WelcomeCounts> Handle(GetWelcomeCounts query, CancellationToken cancellationToken) =>
        await outbox.CountAsync(cancellationToken);
}
