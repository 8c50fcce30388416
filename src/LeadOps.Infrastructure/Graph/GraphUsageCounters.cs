namespace LeadOps.Infrastructure.Graph;

/// <summary><c>X-App-Usage</c> / <c>X-Page-Usage</c>: call_count, total_time, total_cputime (percent).</summary>
public sealed record GraphUsageCounters(double? CallCount, double? TotalTime, double? TotalCpuTime)
{
    public double? MaxPercent => new[] { CallCount, TotalTime, TotalCpuTime }.Where(p => p.HasValue).Max();
}
