namespace LeadOps.Domain.Outgoing;

/// <summary>One HTTP attempt in the delivery log: when, which event, the status code (none when no answer came) and how long it took.</summary>
public sealed class DeliveryAttempt : IOwnedByUser
{
    public long Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public int EndpointId { get; init; }

    /// <summary>The <see cref="DeliveryId"/> of a line that is not an attempt: the event was set aside before any delivery was made.</summary>
    public const long NoDelivery = 0;

    /// <summary>The delivery attempted, or <see cref="NoDelivery"/> on the line that says an event was set aside (ADR 0024).</summary>
    public long DeliveryId { get; init; }

    public string EventName { get; init; } = string.Empty;

    public DateTimeOffset At { get; init; }

    public int? StatusCode { get; init; }

    public int DurationMs { get; init; }

    public string? Error { get; init; }
}
