namespace LeadOps.Infrastructure.Webhooks;

/// <summary>
/// Failed deliveries as the staff of the pages they name see them. Deliveries belong to no owner (no filter to bypass);
/// a delivery is matched to pages by the ids the worker recorded on it, and shows only the caller's pages among them. Failed ones are few: the latest are read and
/// matched in memory. A retried delivery wakes this node's worker.
/// </summary>
internal sealed class FailedWebhookDeliveries(LeadOpsDbContext db, WebhookSignal signal, TimeProvider clock) : IFailedWebhookDeliveries
{
    private const int Scan = 500;

    public async Task<IReadOnlyList<FailedDeliveryView>> ListAsync(IReadOnlyCollection<string> pageIds, int take, CancellationToken cancellationToken)
    {
        var failed = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Status == WebhookDeliveryStatus.Failed)
            .OrderByDescending(d => d.Id)
            .Take(Scan)
            .Select(d => new FailedDeliveryView(d.Id, d.ReceivedAt, d.Attempts, d.LastError, d.PageIds))
            .ToListAsync(cancellationToken);
        return [.. failed.Where(d => Names(d.PageIds, pageIds)).Take(take).Select(d => d with { PageIds = string.Join(',', Split(d.PageIds).Where(pageIds.Contains)) })];
    }

    public async Task<bool> RequeueAsync(long deliveryId, IReadOnlyCollection<string> pageIds, CancellationToken cancellationToken)
    {
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.Status == WebhookDeliveryStatus.Failed, cancellationToken);
        if (delivery is null || !Names(delivery.PageIds, pageIds))
        {
            return false;
        }

        delivery.Requeue(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return true;
    }

    private static bool Names(string? deliveryPages, IReadOnlyCollection<string> pageIds) => Split(deliveryPages).Any(pageIds.Contains);

    private static string[] Split(string? deliveryPages) => deliveryPages?.Split(',') ?? [];
}
