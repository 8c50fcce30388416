namespace LeadOps.Application.Leads.Queries;

/// <summary>The failed webhook deliveries naming one of the acting user's pages, newest first (the sync history shows them with a Retry button).</summary>
public sealed record ListFailedDeliveries(int Take = 20) : IQuery<IReadOnlyList<FailedDeliveryView>>;

internal sealed class ListFailedDeliveriesHandler(IIntegrationRepository integrations, IFailedWebhookDeliveries deliveries)
    : IQueryHandler<ListFailedDeliveries, IReadOnlyList<FailedDeliveryView>>
{
    public async ValueTask<IReadOnlyList<FailedDeliveryView>> Handle(ListFailedDeliveries query, CancellationToken cancellationToken)
    {
        var pages = (await integrations.ListAsync(cancellationToken)).Select(i => i.PageId).Where(p => p.Length > 0).Distinct().ToList();
        return pages.Count == 0 ? [] : await deliveries.ListAsync(pages, Math.Clamp(query.Take, 1, 200), cancellationToken);
    }
}
