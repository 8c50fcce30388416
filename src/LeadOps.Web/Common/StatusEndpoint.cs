using System.Text.Json;
using LeadOps.Web.Common.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeadOps.Web.Common;

/// <summary>
/// <c>GET /status</c> (and HEAD; any other method is a 405): 200 when healthy (or degraded), 503 when not. Anyone gets the overall status (liveness); a signed-in
/// user or the operator key also gets each check: the database, the background workers, the welcome backlog, and where
/// the key-encryption key lives, and whether a configured bearer key is weak.
/// </summary>
internal static class StatusEndpoint
{
    private static readonly JsonSerializerOptions Json = WireOptions();

    public static IServiceCollection AddStatusChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<WorkersHealthCheck>("workers")
            .AddCheck<WelcomeOutboxHealthCheck>("welcome_outbox")
            .AddCheck<KeyEncryptionKeyHealthCheck>("key_encryption_key")
            .AddCheck<ApiKeysHealthCheck>("api_keys");
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
        }).WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head])).AllowAnonymous(); // a health check takes no other method

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        if (!Security.AccessPolicies.MaySeeDetails(context.User))
        {
            return context.Response.WriteAsync(JsonSerializer.Serialize(new Liveness(report.Status.ToString()), Json));
        }

        var body = new StatusReport(
            report.Status.ToString(),
            Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            report.Entries.ToDictionary(e => e.Key, e => new CheckReport(e.Value.Status.ToString(), e.Value.Description, e.Value.Data)));
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }

    private static JsonSerializerOptions WireOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        WireJson.Configure(options);
        return options;
    }

    private sealed record Liveness(string Status);

    private sealed record StatusReport(string Status, double DurationMs, IReadOnlyDictionary<string, CheckReport> Checks);

    private sealed record CheckReport(string Status, string? Description, IReadOnlyDictionary<string, object> Data);
}
