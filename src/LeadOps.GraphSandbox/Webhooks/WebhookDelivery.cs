namespace LeadOps.GraphSandbox;

/// <summary>One webhook POST (or a dropped one). <see cref="Body"/> is the exact text that was signed.</summary>
public sealed record WebhookDelivery(
    long Id,
    string Field,
    string PageId,
    string Body,
    string Signature,
    WebhookDeliveryStatus Status,
    bool IsDuplicate,
    int Attempts,
    int? StatusCode,
    string? Error,
    DateTimeOffset QueuedAt,
    DateTimeOffset? CompletedAt);
