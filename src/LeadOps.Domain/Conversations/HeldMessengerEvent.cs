namespace LeadOps.Domain.Conversations;

/// <summary>
/// A Messenger event that reached one of the owner's integrations while its page token was known not to work (Graph
/// said 190: <see cref="Integrations.Integration.NeedsReconnect"/>). Its content stays in the stored webhook delivery
/// (<see cref="DeliveryId"/>, <see cref="Ordinal"/>) and is shown nowhere until the owner reconnects the page with a token
/// that works: then it is recorded as if it arrived then, and this row goes (ADR 0012, "Held events"). The row itself
/// carries no content, only what the Inbox's banner counts.
/// </summary>
public sealed class HeldMessengerEvent : IOwnedByUser
{
    public const int KindLength = 20;

    /// <summary>Failed releases after which the webhook worker sets the event aside (staff releasing the page try it again).</summary>
    public const int MaxReleaseAttempts = 5;

    public long Id { get; private set; }

    public string OwnerId { get; set; } = string.Empty;

    public int IntegrationId { get; private set; }

    /// <summary>The stored webhook delivery whose body has the event.</summary>
    public long DeliveryId { get; private set; }

    /// <summary>The event's place among the delivery's Messenger events, in the order they are read.</summary>
    public int Ordinal { get; private set; }

    /// <summary>What kind of event it is ("Message", "Echo", "Read"…), for the count; never its content.</summary>
    public string Kind { get; private set; } = string.Empty;

    /// <summary>The customer the event is about (empty for a page-wide event).</summary>
    public string Psid { get; private set; } = string.Empty;

    public DateTimeOffset HeldAt { get; private set; }

    /// <summary>Releases of this event that failed (its delivery could not be read, recording it failed).</summary>
    public int ReleaseAttempts { get; private set; }

    /// <summary>
    /// When the webhook worker stopped trying to release it (<see cref="MaxReleaseAttempts"/> failures): it stays held and
    /// counted, the events after it are released without it, and a release by staff (a reconnect, a test that finds the
    /// token valid) tries it again. Null while the worker still tries it.
    /// </summary>
    public DateTimeOffset? SetAsideAt { get; private set; }

    public static HeldMessengerEvent Hold(int integrationId, long deliveryId, int ordinal, string kind, string psid, DateTimeOffset now) => new()
    {
        IntegrationId = integrationId,
        DeliveryId = deliveryId,
        Ordinal = ordinal,
        Kind = TextLimit.Cut(kind, KindLength),
        Psid = psid,
        HeldAt = now,
    };
}
