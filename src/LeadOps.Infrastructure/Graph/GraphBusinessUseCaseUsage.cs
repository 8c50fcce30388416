namespace LeadOps.Infrastructure.Graph;

/// <summary>One entry of <c>X-Business-Use-Case-Usage</c>, under the page or business id it counts for.</summary>
public sealed record GraphBusinessUseCaseUsage(
    string Id,
    string? Type,
    double? CallCount,
    double? TotalTime,
    double? TotalCpuTime,
    TimeSpan? EstimatedTimeToRegainAccess)
{
    public double? MaxPercent => new[] { CallCount, TotalTime, TotalCpuTime }.Where(p => p.HasValue).Max();
}
