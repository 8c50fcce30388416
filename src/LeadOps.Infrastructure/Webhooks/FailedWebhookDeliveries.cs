namespace LeadOps.Infrastructure.Webhooks;

/// <summary>
/// Failed deliveries as the staff of the pages they name see them. Deliveries belong to no owner (no filter to bypass);
/// a delivery is matched to pages by the rows the worker recorded for every page it names (<see cref="WebhookDeliveryPage"/>),
/// and shows only the caller's pages among them. When the worker knew which pages' events failed, only those pages'
/// staff see it, each with their own pages' errors: another user's failure is not theirs to read or to retry. A delivery
/// that failed as a whole is shown to the staff of every page it names. A retried delivery wakes this node's worker.
/// </summary>
internal sealed class FailedWebhookDeliveries(LeadOpsDbContext db, WebhookSignal signal, TimeProvider clock) : IFailedWebhookDeliveries
{
    public async Task<IReadOnlyList<FailedDeliveryView>> ListAsync(IReadOnlyCollection<string> pageIds, int take, CancellationToken cancellationToken)
    {
        var failed = await Failed(pageIds).AsNoTracking()
            .OrderByDescending(d => d.Id)
            .Take(take)
            .Select(d => new { d.Id, d.ReceivedAt, d.Attempts, d.LastError, Pages = d.Pages.Where(p => pageIds.Contains(p.PageId)).Select(p => new { p.PageId, p.Error }).ToList() })
            .ToListAsync(cancellationToken);
        return [.. failed.Select(d =>
        {
            var errors = d.Pages.Where(p => p.Error is not null).OrderBy(p => p.PageId, StringComparer.Ordinal).ToList();
            var pages = errors.Count > 0 ? errors.Select(p => p.PageId) : d.Pages.Select(p => p.PageId).Order(StringComparer.Ordinal);
            var error = errors.Count > 0 ? string.Join("; ", errors.Select(p => p.Error).Distinct()) : d.LastError;
            return new FailedDeliveryView(d.Id, d.ReceivedAt, d.Attempts, error, string.Join(',', pages));
        })];
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
        db.WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatus.Failed && 
            (d.Pages.Any(p => p.Error != null && pageIds.Contains(p.PageId)) || (!d.Pages.Any(p => p.Error != null) && d.Pages.Any(p => pageIds.Contains(p.PageId)))));
}
