using System.Text.Json;
using LeadOps.Infrastructure.Common;
using LeadOps.Infrastructure.Persistence;
using LeadOps.Infrastructure.Welcome;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeadOps.Web.Common;

/// <summary><c>GET /status</c>: JSON health of the database and the background workers; 200 when healthy, 503 when not.</summary>
internal static class StatusEndpoint
{
    public static IServiceCollection AddStatusChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<WorkersHealthCheck>("workers")
            .AddCheck<WelcomeOutboxHealthCheck>("welcome_outbox");
        return services;
    }

    public static void MapStatus(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks("/status", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteAsync,
        }).AllowAnonymous();

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            duration_ms = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}

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

internal sealed class WorkersHealthCheck(WorkerHealth workers) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var beats = workers.Snapshot();
        var data = beats.ToDictionary(
            b => b.Worker,
            b => (object)new { last_beat = b.At, late = workers.IsLate(b), detail = b.Detail, last_error = b.LastError });
        var late = beats.Where(workers.IsLate).Select(b => b.Worker).ToList();
        return Task.FromResult(late.Count == 0
            ? HealthCheckResult.Healthy($"{beats.Count} workers running", data)
            : HealthCheckResult.Unhealthy("Late: " + string.Join(", ", late), data: data));
    }
}

/// <summary>The welcome outbox backlog: Degraded (still 200) when the oldest pending message is older than <c>Welcome:BacklogWarningAge</c>.</summary>
internal sealed class WelcomeOutboxHealthCheck(WelcomeBacklog backlog, Microsoft.Extensions.Options.IOptions<WelcomeOptions> options) : IHealthCheck
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
