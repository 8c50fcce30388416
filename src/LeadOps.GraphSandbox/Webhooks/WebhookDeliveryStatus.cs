namespace LeadOps.GraphSandbox;

/// <summary>What happened to one webhook delivery.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Queued, not yet posted (or waiting for its delay).</summary>
    Pending,

    /// <summary>The callback answered 2xx.</summary>
    Delivered,

    /// <summary>The callback answered non-2xx or could not be reached, after the retries.</summary>
    Failed,

    /// <summary>Deliberately not sent (the seeded drop rate).</summary>
    Dropped,

    /// <summary>Not sent because no callback URL is configured.</summary>
    NoCallback,
}
