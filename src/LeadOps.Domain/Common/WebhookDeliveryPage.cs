namespace LeadOps.Domain.Common;

/// <summary>
/// A page a webhook delivery names, one row each however many the delivery names: whose staff see the delivery when it
/// fails, and may retry it.
/// </summary>
public sealed class WebhookDeliveryPage
{
    public long DeliveryId { get; set; }

    public string PageId { get; set; } = string.Empty;

    /// <summary>
    /// Why this page's events failed on the delivery's last attempt (null when they did not, or when the attempt failed as
    /// a whole). The delivery is shown to the staff of its failed pages only, with their own pages' errors.
    /// </summary>
    public string? Error { get; set; }
}
