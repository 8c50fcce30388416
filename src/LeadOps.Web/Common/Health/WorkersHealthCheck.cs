using LeadOps.Infrastructure.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeadOps.Web.Common.Health;

/// <summary>Every background worker has beaten recently; each worker's last beat is in the data.</summary>
internal sealed class WorkersHealthCheck(WorkerHealth workers) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var beats = workers.Snapshot();
        var data = beats.ToDictionary(
            b => b.Worker,
            b => (object)new WorkerBeat(b.At, workers.IsLate(b), b.Detail, b.LastError));
        var late = beats.Where(workers.IsLate).Select(b => b.Worker).ToList();
        return Task.FromResult(late.Count == 0
            ? HealthCheckResult.Healthy($"{beats.Count} workers running", data)
            : HealthCheckResult.Unhealthy("Late: " + string.Join(", ", late), data: data));
    }

    /// <summary>One worker in <c>/status</c>: <c>{"last_beat","late","detail","last_error"}</c>.</summary>
    internal sealed record WorkerBeat(DateTimeOffset LastBeat, bool Late, string? Detail, string? LastError);
}
