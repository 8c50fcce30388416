namespace LeadOps.Infrastructure.Webhooks;

/// <summary>
/// Failed deliveries as the staff of the pages they name see them. Deliveries belong to no owner (no filter to bypass);
/// a delivery is matched to pages by the rows the worker recorded for every page it names (<see cref="WebhookDeliveryPage"/>),
/// and shows only the caller's pages among them. A retried delivery wakes this node's worker.
/// </summary>
internal sealed class FailedWebhookDeliveries(LeadOpsDbContext db, WebhookSignal signal, TimeProvider clock) : IFailedWebhookDeliveries
{
    public async Task<IReadOnlyList<FailedDeliveryView>> ListAsync(IReadOnlyCollection<string> pageIds, int take, CancellationToken cancellationToken)
    {
        var failed = await Failed(pageIds).AsNoTracking()
            .OrderByDescending(d => d.Id)
            .Take(take)
            .Select(d => new { d.Id, d.ReceivedAt, d.Attempts, d.LastError, Pages = d.Pages.Where(p => pageIds.Contains(p.PageId)).Select(p => p.PageId).ToList() })
            .ToListAsync(cancellationToken);
        return [.. failed.Select(d => new FailedDeliveryView(d.Id, d.ReceivedAt, d.Attempts, d.LastError, string.Join(',', d.Pages.Order(StringComparer.Ordinal))))];
    }

    public async Task<bool> RequeueAsync(long deliveryId, IReadOnlyCollection<string> pageIds, CancellationToken cancellationToken)
    {
        var delivery = await Failed(pageIds).FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery is null)
        {
            return false;
        }

        delivery.Requeue(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return true;
    }

    private IQueryable<WebhookDelivery> Failed(IReadOnlyCollection<string> pageIds) =>
        db.WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatus.Failed && d.Pages.Any(p => pageIds.Contains(p.PageId)));
}
