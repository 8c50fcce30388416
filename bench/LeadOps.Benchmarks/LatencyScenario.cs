using System.Diagnostics;
using System.Globalization;
using LeadOps.Application.Integrations.Commands;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.Benchmarks;

/// <summary>
/// Scenario 5, Latency: how long a lead submitted on Facebook takes to be stored (its welcome queued with it), on real
/// time with the default configuration (the schedule's timer on, every interval at its default). Leads are submitted
/// at random moments for several minutes, first with the sandbox's webhooks on, then with every webhook dropped, so the
/// second phase measures what the schedule alone achieves (the count probe, ADR 0010). There is no floor: the goals are
/// absolute (p99 under 2 s with webhooks, max under 2 minutes without).
/// </summary>
internal sealed class LatencyScenario : IBenchmarkScenario
{
    private static readonly string[] Forms = [SandboxSeed.MainTestRideFormId, SandboxSeed.MainServiceFormId];

    public string Name => "latency";

    public string Title => "Scenario 5: Submission to stored, with and without webhooks";

    private sealed record Phase(string Name, TimeSpan Duration, TimeSpan MeanGap, TimeSpan Settle);

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchmarkSize size, TextWriter log, CancellationToken ct)
    {
        var small = size == BenchmarkSize.Small;
        var phases = small
            ? new[] { new Phase("webhooks on", TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(20)), new Phase("webhooks dropped", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(40)) }
            : [new Phase("webhooks on", TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30)), new Phase("webhooks dropped", TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(4))];

        await using var sandbox = await GraphSandboxServer.StartAsync(new SandboxOptions
        {
            InitialLeadsPerForm = 0,
            AppCallsPerHourBudget = 10_000_000,
            PageCallsPerHourBudget = 10_000_000,
        }, 0, ct);
        var settings = new Dictionary<string, string?>
        {
            ["Facebook:GraphBaseUrl"] = sandbox.BaseAddress.ToString().TrimEnd('/'),
            ["Facebook:AppId"] = sandbox.State.Options.AppId,
            ["Facebook:AppSecret"] = sandbox.State.Options.AppSecret,
            ["Scheduling:Enabled"] = "true",
            ["Welcome:WorkerEnabled"] = "false",
        };
        if (small)
        {
            // A smoke run compresses the schedule to fit in seconds; only the full run keeps the defaults.
            settings["Scheduling:PollInterval"] = "00:00:01";
            settings["Scheduling:ProbeInterval"] = "00:00:03";
            settings["Scheduling:WebhookGrace"] = "00:00:01";
            settings["Scheduling:UrgentInterval"] = "00:00:05";
            settings["Scheduling:Interval"] = "00:00:20";
        }

        var path = Path.Combine(BenchApp.Scratch, $"latency-{Guid.NewGuid():N}.db");
        try
        {
            await using var app = new BenchApp(path, settings, kestrel: true);
            app.Start();
            await ConnectAsync(app, ct);
            sandbox.State.WebhookCallbackUrl = new Uri(app.ServerAddress, "/webhook").ToString();

            var random = new Random(14);
            var figures = new List<Figure>();
            foreach (var phase in phases)
            {
                if (phase == phases[^1])
                {
                    sandbox.State.WebhookCallbackUrl = null; // every webhook from here on is dropped
                }

                var submitted = await SubmitAsync(sandbox.State, phase, random, ct);
                var waits = await WaitForAllAsync(app, submitted, phase.Settle, ct);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {phase.Name}: {submitted.Count} leads over {phase.Duration.TotalSeconds:0} s; stored {waits.Length}; p50 {Stats.Percentile(waits, 50):F0} ms, p99 {Stats.Percentile(waits, 99):F0} ms, max {(waits.Length == 0 ? double.NaN : waits[^1]):F0} ms"));
                figures.AddRange(Figures(phase, submitted.Count, waits, webhooks: phase != phases[^1]));
            }

            return figures;
        }
        finally
        {
            BenchApp.DeleteDatabase(path);
        }
    }

    private static IEnumerable<Figure> Figures(Phase phase, int submitted, double[] waits, bool webhooks)
    {
        const string S = "Latency";
        var all = waits.Length == submitted;
        var p50 = Stats.Percentile(waits, 50);
        var p99 = Stats.Percentile(waits, 99);
        var max = waits.Length == 0 ? double.NaN : waits[^1];
        var note = all ? null : $"{submitted - waits.Length} of {submitted} leads were not stored within the wait";
        return webhooks
            ?
            [
                new(S, $"Submission to stored p50, {phase.Name} ({submitted} leads)", p50, "ms", null, "(none)", null),
                new(S, $"Submission to stored p99, {phase.Name}", p99, "ms", null, "< 2 s", all && p99 < 2000, note),
                new(S, $"Submission to stored max, {phase.Name}", max, "ms", null, "(none)", null),
            ]
            :
            [
                new(S, $"Submission to stored p50, {phase.Name} ({submitted} leads)", p50, "ms", null, "(none)", null),
                new(S, $"Submission to stored p99, {phase.Name}", p99, "ms", null, "(none)", null),
                new(S, $"Submission to stored max, {phase.Name}", max, "ms", null, "< 2 minutes", all && max < 120_000, note),
            ];
    }

    private static async Task ConnectAsync(BenchApp app, CancellationToken ct)
    {
        await using var scope = app.OwnerScope();
        var connected = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ConnectIntegration(SandboxSeed.MainPageToken, "Benchmark"), ct);
        if (connected.Value is null)
        {
            throw new InvalidOperationException("Could not connect the sandbox page: " + connected.Error + " " + connected.Detail);
        }
    }

    /// <summary>Submits leads at random moments (exponential gaps) for the phase's duration; returns each lead's submission time.</summary>
    private static async Task<Dictionary<string, DateTimeOffset>> SubmitAsync(SandboxState sandbox, Phase phase, Random random, CancellationToken ct)
    {
        var submitted = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var gap = TimeSpan.FromSeconds(-Math.Log(1 - random.NextDouble()) * phase.MeanGap.TotalSeconds);
            if (clock.Elapsed + gap > phase.Duration)
            {
                return submitted;
            }

            await Task.Delay(gap, ct);
            var now = DateTimeOffset.UtcNow;
            submitted[sandbox.SubmitLeads(Forms[submitted.Count % Forms.Length], 1).Single()] = now;
        }
    }

    /// <summary>
    /// Waits (up to <paramref name="settle"/> after the last submission) until every lead is stored; returns the sorted
    /// waits in ms from submission to the lead's first-seen time (set in the transaction that stores it with its welcome row).
    /// </summary>
    private static async Task<double[]> WaitForAllAsync(BenchApp app, Dictionary<string, DateTimeOffset> submitted, TimeSpan settle, CancellationToken ct)
    {
        var ids = submitted.Keys.ToList();
        var deadline = Stopwatch.StartNew();
        List<(string Id, DateTimeOffset FirstSeenAt)> stored;
        while (true)
        {
            await using (var scope = app.OwnerScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
                stored = [.. (await db.Leads.AsNoTracking().Where(l => ids.Contains(l.FacebookLeadId)).Select(l => new { l.FacebookLeadId, l.FirstSeenAt }).ToListAsync(ct))
                    .Select(l => (l.FacebookLeadId, l.FirstSeenAt))];
            }

            if (stored.Count == ids.Count || deadline.Elapsed > settle)
            {
                break;
            }

            await Task.Delay(250, ct);
        }

        var waits = stored.Select(l => (l.FirstSeenAt - submitted[l.Id]).TotalMilliseconds).ToArray();
        Array.Sort(waits);
        return waits;
    }
}
