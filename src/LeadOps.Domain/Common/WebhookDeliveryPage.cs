namespace LeadOps.Domain.Common;

/// <summary>
/// A page a webhook delivery names, one row each however many the delivery names: whose staff see the delivery when it
/// fails, and may retry it.
/// </summary>
public sealed class WebhookDeliveryPage
{
    public long DeliveryId { get; set; }

    public string PageId { get; set; } = string.Empty;
}
