using LeadOps.Application.Integrations.Queries;
using LeadOps.Infrastructure.Common;
using LeadOps.Infrastructure.Graph;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeadOps.Web.Pages.Health;

/// <summary>
/// Health for people: the same checks as <c>/status</c> (which stays JSON for machines), the background workers' beats,
/// the welcome backlog, the signed-in user's webhook health per integration and the Graph usage Meta last reported.
/// </summary>
public sealed class IndexModel(HealthCheckService checks, WorkerHealth workers, GraphUsageTracker usage, IMediator mediator) : PageModel
{
    public const string WelcomeCheck = "welcome_outbox";

    public HealthReport Report { get; private set; } = null!;

    public IReadOnlyList<WorkerRow> Workers { get; private set; } = [];

    public IReadOnlyList<WebhookHealth> Webhooks { get; private set; } = [];

    public GraphUsageSnapshot? AppUsage { get; private set; }

    public IReadOnlyList<PageUsageRow> PageUsage { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Report = await checks.CheckHealthAsync(ct);
        Workers = [.. workers.Snapshot().Select(b => new WorkerRow(b, workers.IsLate(b)))];
        Webhooks = await mediator.Send(new GetWebhookHealth(), ct);
        AppUsage = usage.LastAppUsage;
        PageUsage = [.. (await mediator.Send(new ListIntegrations(), ct))
            .Select(i => new PageUsageRow(i.Name, i.PageName, usage.GetLastUsage(i.PageId)))];
    }

    /// <summary>A value of a check's data (<c>/status</c>'s <c>checks.{name}.data</c>), or null.</summary>
    public object? Data(string check, string key) =>
        Report.Entries.TryGetValue(check, out var entry) && entry.Data.TryGetValue(key, out var value) ? value : null;

    public static string Badge(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "text-bg-success",
        HealthStatus.Degraded => "text-bg-warning",
        _ => "text-bg-danger",
    };

    public static string Percent(double? value) => value is { } v ? v.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " %" : "–";

    public sealed record WorkerRow(WorkerBeat Beat, bool Late);

    public sealed record PageUsageRow(string Integration, string PageName, GraphUsageSnapshot? Usage);
}
