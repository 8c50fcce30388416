namespace LeadOps.Infrastructure.Graph;

/// <summary>What Graph's usage headers said on one response. Percentages are of the budget each header measures.</summary>
public sealed record GraphUsage(
    GraphUsageCounters? App,
    GraphUsageCounters? Page,
    IReadOnlyList<GraphBusinessUseCaseUsage> BusinessUseCases)
{
    public static GraphUsage Empty { get; } = new(null, null, []);

    public bool IsEmpty => App is null && Page is null && BusinessUseCases.Count == 0;

    /// <summary>The highest percentage in any header, or null when none was present.</summary>
    public double? MaxPercent =>
        new[] { App?.MaxPercent, Page?.MaxPercent }
            .Concat(BusinessUseCases.Select(u => u.MaxPercent))
            .Where(p => p.HasValue)
            .Max();

    /// <summary>The longest estimated_time_to_regain_access among the business use cases, when any is above zero.</summary>
    public TimeSpan? LongestTimeToRegainAccess =>
        BusinessUseCases.Select(u => u.EstimatedTimeToRegainAccess).Where(t => t > TimeSpan.Zero).Max();
}
