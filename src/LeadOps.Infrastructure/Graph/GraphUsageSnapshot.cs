namespace LeadOps.Infrastructure.Graph;

/// <summary>Usage Graph reported on its latest answer for a page, and when.</summary>
public sealed record GraphUsageSnapshot(GraphUsage Usage, DateTimeOffset ObservedAt)
{
    /// <summary>Graph's budgets roll over within an hour; older readings no longer say anything.</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromHours(1);

    /// <summary>
    /// Whether the page's reading still says something at <paramref name="now"/>: for an hour, and, when Graph named a
    /// time to regain access (a throttled call), only until then; the next answer brings the usage after it.
    /// </summary>
    public bool IsFreshAt(DateTimeOffset now) =>
        now - ObservedAt < FreshFor && !(Usage.LongestTimeToRegainAccess is { } regain && now - ObservedAt >= regain);
}
