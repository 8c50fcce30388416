using LeadOps.Web.Security;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeadOps.Web.Common.Health;

/// <summary>Degraded (still 200) when <c>Admin:ApiKey</c> or <c>Operator:ApiKey</c> is weak (<see cref="WeakApiKeys"/>): names the settings, never a value.</summary>
internal sealed class ApiKeysHealthCheck(IConfiguration configuration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var weak = WeakApiKeys.Find(configuration);
        var data = new Dictionary<string, object> { ["weak"] = weak };
        return Task.FromResult(weak.Count > 0
            ? HealthCheckResult.Degraded(WeakApiKeys.Warning(weak), data: data)
            : HealthCheckResult.Healthy("no configured key is shorter than 32 characters or the brief's example value", data));
    }
}
