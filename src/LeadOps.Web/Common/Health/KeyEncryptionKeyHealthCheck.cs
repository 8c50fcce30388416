using LeadOps.Infrastructure.Security;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeadOps.Web.Common.Health;

/// <summary>Degraded (still 200) when the key-encryption key sits beside the database: a copy of that folder would decrypt every token.</summary>
internal sealed class KeyEncryptionKeyHealthCheck(KeyEncryptionKey kek) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["source"] = kek.Location is null ? "configuration" : "file", ["beside_database"] = kek.BesideDatabase };
        return Task.FromResult(kek.BesideDatabase
            ? HealthCheckResult.Degraded(KeyEncryptionKey.BesideDatabaseWarning, data: data)
            : HealthCheckResult.Healthy(kek.Location is null ? "from configuration" : "from a key file outside the data folder", data));
    }
}
