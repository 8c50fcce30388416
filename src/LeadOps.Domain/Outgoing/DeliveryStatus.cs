namespace LeadOps.Domain.Outgoing;

/// <summary>Where one event's delivery to one endpoint stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Due at its next attempt (held while its endpoint is paused).</summary>
    Pending,

    /// <summary>The endpoint answered 2xx.</summary>
    Delivered,

    /// <summary>Every attempt failed; given up on.</summary>
    Failed,
}
