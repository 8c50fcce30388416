namespace LeadOps.Domain.Common;

/// <summary>
/// A verified webhook delivery, stored as received before it is answered. It belongs to nobody yet: the worker
/// routes each change to the owners of the page's integrations and processes it as them.
/// </summary>
public sealed partial class WebhookDelivery
{
    public long Id { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The raw JSON body (already signature-checked).</summary>
    public string Body { get; set; } = string.Empty;

    public WebhookDeliveryStatus Status { get; set; } = WebhookDeliveryStatus.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>Page ids no integration knows (kept and reported, not retried forever).</summary>
    public string? UnknownPageIds { get; set; }

    public string? LastError { get; set; }
}
