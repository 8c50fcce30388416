using LeadOps.Infrastructure.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeadOps.Web.Common.Health;

/// <summary>Whether the database answers; the provider's short name is the description.</summary>
internal sealed class DatabaseHealthCheck(LeadOpsDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy(db.Database.ProviderName?.Split('.').Last())
                : HealthCheckResult.Unhealthy("Cannot connect to the database");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Cannot connect to the database");
        }
    }
}
