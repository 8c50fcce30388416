using LeadOps.Infrastructure.Welcome;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeadOps.Web.Common.Health;

/// <summary>The welcome outbox backlog: Degraded (still 200) when the oldest pending message is older than <c>Welcome:BacklogWarningAge</c>.</summary>
internal sealed class WelcomeOutboxHealthCheck(WelcomeBacklog backlog, IOptions<WelcomeOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = await backlog.ReadAsync(cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["pending"] = snapshot.Pending,
            ["failed"] = snapshot.Failed,
            ["oldest_pending_age_seconds"] = snapshot.OldestPendingAge is { } age ? Math.Round(age.TotalSeconds) : 0,
        };
        return snapshot.OldestPendingAge > options.Value.BacklogWarningAge
            ? HealthCheckResult.Degraded($"{snapshot.Pending} pending; the oldest is older than {options.Value.BacklogWarningAge}", data: data)
            : HealthCheckResult.Healthy($"{snapshot.Pending} pending", data);
    }
}
