namespace LeadOps.Infrastructure.Webhooks;

/// <summary>
/// Failed deliveries as the staff of the pages they name see them. Deliveries belong to no owner (no filter to bypass);
/// a delivery is matched to pages by the rows the worker recorded for every page it names (<see cref="WebhookDeliveryPage"/>),
/// and shows only the caller's pages among them. When the worker knew whose events failed (<see cref="WebhookDeliveryFailure"/>:
/// an owner and a page), only those owners see it, each with their own errors: another user's failure is not theirs to
/// read or to retry, even on a page both connected. A delivery that failed as a whole is shown to the staff of every page
/// it names. The caller is the context's acting user. A retried delivery wakes this node's worker.
/// </summary>
internal sealed class FailedWebhookDeliveries(LeadOpsDbContext db, WebhookSignal signal, TimeProvider clock) : IFailedWebhookDeliveries
{
    public async Task<IReadOnlyList<FailedDeliveryView>> ListAsync(IReadOnlyCollection<string> pageIds, int take, CancellationToken cancellationToken)
    {
        var owner = db.CurrentOwnerId;
        var failed = await Failed(pageIds).AsNoTracking()
            .OrderByDescending(d => d.Id)
            .Take(take)
            .Select(d => new
            {
                d.Id, d.ReceivedAt, d.Attempts, d.LastError,
                Pages = d.Pages.Where(p => pageIds.Contains(p.PageId)).Select(p => p.PageId).ToList(),
                Failures = d.Failures.Where(f => f.OwnerId == owner && pageIds.Contains(f.PageId)).Select(f => new { f.PageId, f.Error }).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. failed.Select(d =>
        {
            var errors = d.Failures.OrderBy(f => f.PageId, StringComparer.Ordinal).ToList();
            var pages = errors.Count > 0 ? errors.Select(f => f.PageId).Distinct() : d.Pages.Order(StringComparer.Ordinal);
            var error = errors.Count > 0 ? string.Join("; ", errors.Select(f => f.Error).Distinct()) : d.LastError;
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

    /// <summary>The failed deliveries whose failure is the acting user's on one of these pages, or that failed as a whole naming one of them.</summary>
    private IQueryable<WebhookDelivery> Failed(IReadOnlyCollection<string> pageIds)
    {
        var owner = db.CurrentOwnerId;
        return db.WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatus.Failed &&
            (d.Failures.Any(f => f.OwnerId == owner && pageIds.Contains(f.PageId)) || (!d.Failures.Any() && d.Pages.Any(p => pageIds.Contains(p.PageId)))));
    }
}
