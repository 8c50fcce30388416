using LeadOps.Application.Leads.Welcome;

namespace LeadOps.Infrastructure.Persistence.Repositories;

internal sealed class WelcomeOutboxRepository(LeadOpsDbContext db) : IWelcomeOutbox
{
    public Task<OutboxMessage?> GetClaimedAsync(long outboxMessageId, string worker, CancellationToken cancellationToken) =>
        db.OutboxMessages.Include(o => o.Lead)
            .FirstOrDefaultAsync(o => o.Id == outboxMessageId && o.ClaimedBy == worker && o.Status == OutboxStatus.Pending, cancellationToken);

    public Task<OutboxMessage?> GetForLeadAsync(long leadId, CancellationToken cancellationToken) =>
        db.OutboxMessages.Include(o => o.Lead)
            .FirstOrDefaultAsync(o => o.LeadId == leadId && o.Kind == OutboxMessage.WelcomeKind, cancellationToken);

    public async Task<WelcomeCounts> CountAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Leads.AsNoTracking()
            .GroupBy(l => l.WelcomeStatus)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.Status, c => c.Count, cancellationToken);
        int Of(WelcomeStatus status) => counts.GetValueOrDefault(status);
        return new WelcomeCounts(Of(WelcomeStatus.Pending), Of(WelcomeStatus.Sent), Of(WelcomeStatus.Failed), Of(WelcomeStatus.Skipped));
    }
}
