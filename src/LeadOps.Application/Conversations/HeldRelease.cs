namespace LeadOps.Application.Conversations;

/// <summary>
/// What one release of an integration's held events takes (ADR 0012, "Held events"): staff releasing the page take
/// every held event, those the webhook worker set aside too; the worker's pass takes at most <see cref="Limit"/> and
/// leaves the set-aside ones.
/// </summary>
public sealed record HeldRelease(int? Limit, bool WithSetAside)
{
    public static readonly HeldRelease ByStaff = new(null, WithSetAside: true);

    public static HeldRelease ByWorker(int limit) => new(limit, WithSetAside: false);
}
