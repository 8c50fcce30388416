namespace LeadOps.Application.Leads;

/// <summary>
/// Webhook deliveries that ended Failed, as the staff of the pages they name see them (deliveries belong to nobody until
/// routed: a delivery is shown to, and may be retried by, the owners of the pages it names).
/// </summary>
public interface IFailedWebhookDeliveries
{
    Task<IReadOnlyList<FailedDeliveryView>> ListAsync(IReadOnlyCollection<string> pageIds, int take, CancellationToken cancellationToken);

    /// <summary>Queues a Failed delivery naming one of these pages for a fresh round of attempts; false when there is none such.</summary>
    Task<bool> RequeueAsync(long deliveryId, IReadOnlyCollection<string> pageIds, CancellationToken cancellationToken);
}
