namespace LeadOps.Domain.Outgoing;

/// <summary>
/// One event on its way to one endpoint: the exact body (built once, so every retry sends the same bytes), the
/// attempts so far, and when the next is due (exponential backoff). One per endpoint and event (unique).
/// </summary>
public sealed class OutgoingDelivery : OutboxItem
{
    public int EndpointId { get; private set; }

    public Guid EventId { get; private set; }

    public string EventName { get; private set; } = string.Empty;

    public string Body { get; private set; } = string.Empty;

    public DeliveryStatus Status { get; private set; } = DeliveryStatus.Pending;

    public DateTimeOffset? DeliveredAt { get; private set; }

    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    public static OutgoingDelivery For(int endpointId, Guid eventId, string eventName, string body, DateTimeOffset now) => new()
    {
        EndpointId = endpointId,
        EventId = eventId,
        EventName = eventName,
        Body = body,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public void Delivered(int statusCode, DateTimeOffset now)
    {
        Attempts++;
        Status = DeliveryStatus.Delivered;
        DeliveredAt = now;
        LastStatusCode = statusCode;
        LastError = null;
        Release();
    }

    /// <summary>A failed attempt: tried again after <paramref name="retryDelay"/>, or failed for good after the last.</summary>
    public void AttemptFailed(int? statusCode, string error, DateTimeOffset now, TimeSpan? retryDelay)
    {
        Attempts++;
        LastStatusCode = statusCode;
        LastError = TextLimit.Fit(error, TextLimit.Reason);
        if (retryDelay is { } delay)
        {
            NextAttemptAt = now + delay;
        }
        else
        {
            Status = DeliveryStatus.Failed;
        }

        Release();
    }

    /// <summary>Its endpoint was resumed: due now, with a fresh round of attempts if it had failed.</summary>
    public void DueNow(DateTimeOffset now)
    {
        NextAttemptAt = now;
        if (Status == DeliveryStatus.Failed)
        {
            Status = DeliveryStatus.Pending;
            Attempts = 0;
        }
    }
}
