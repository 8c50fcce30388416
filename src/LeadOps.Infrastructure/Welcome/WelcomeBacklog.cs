namespace LeadOps.Infrastructure.Welcome;

/// <summary>The welcome outbox as operators see it on /status: across all users, counts and ages only.</summary>
public sealed class WelcomeBacklog(LeadOpsDbContext db, TimeProvider clock)
{
    public async Task<WelcomeBacklogSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        // Operators' totals span every owner and reveal no row, so they bypass the named owner filter (ADR 0003
        // lists every bypass; an architecture test holds the list).
        var welcome = db.OutboxMessages.IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter]).AsNoTracking()
            .Where(o => o.Kind == OutboxMessage.WelcomeKind);
        var pending = await welcome.CountAsync(o => o.Status == OutboxStatus.Pending, cancellationToken);
        var failed = await welcome.CountAsync(o => o.Status == OutboxStatus.Failed, cancellationToken);
        var oldest = pending == 0
            ? (DateTimeOffset?)null
            : await welcome.Where(o => o.Status == OutboxStatus.Pending).OrderBy(o => o.CreatedAt).Select(o => (DateTimeOffset?)o.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var age = oldest is { } created ? clock.GetUtcNow() - created : (TimeSpan?)null;
        return new WelcomeBacklogSnapshot(pending, failed, age is { } a && a < TimeSpan.Zero ? TimeSpan.Zero : age);
    }
}
