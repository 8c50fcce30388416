namespace LeadOps.Domain.Common;

/// <summary>
/// A page a webhook delivery names, one row each however many the delivery names: whose staff see the delivery when it
/// failed as a whole, and may retry it (when the worker knew whose events failed, <see cref="WebhookDeliveryFailure"/>).
/// </summary>
public sealed class WebhookDeliveryPage
{
    public long DeliveryId { get; set; }

    public string PageId { get; set; } = string.Empty;
}
