namespace LeadOps.Domain.Common;

/// <summary>
/// Why one owner's events of one page failed on a webhook delivery's last attempt, one row each. Several users may have
/// connected the same page: a failed delivery is shown to, and may be retried by, the users whose events failed, each
/// with their own errors only; another user of the same page whose events were handled sees nothing of it.
/// </summary>
public sealed class WebhookDeliveryFailure
{
    public long Id { get; set; }

    public long DeliveryId { get; set; }

    public string PageId { get; set; } = string.Empty;

    /// <summary>The user whose integration's events of the page failed (a plain column: deliveries belong to nobody).</summary>
    public string OwnerId { get; set; } = string.Empty;

    public string Error { get; set; } = string.Empty;
}
