using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LeadOps.Application.Common.Graph;
using LeadOps.Application.Integrations.Commands;
using LeadOps.Application.Leads;
using LeadOps.Application.Leads.Commands;
using LeadOps.Domain.Leads;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Persistence;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.Benchmarks;

/// <summary>
/// Scenario 1, Retrieval: one sandbox form with many leads (limit 100 per Graph page) into a SQLite database that
/// already holds many leads of the same owner, some of them the form's. The product (<see cref="RetrieveFacebookLeads"/>
/// through the mediator) against a naive peer (per lead: lookup, insert, SaveChanges) and against the floor (the
/// same Graph pages, raw prepared statements, one transaction per page).
/// </summary>
internal sealed class RetrievalScenario : IBenchmarkScenario
{
    private const string FormId = SandboxSeed.MainTestRideFormId;
    private static readonly ValueConverter<DateTimeOffset, long> Binary = new DateTimeOffsetToBinaryConverter();

    public string Name => "retrieval";

    /// <summary>
    /// <c>--product-only</c>: only the product's runs (50,000 and 5,000 leads), for the time and memory figures; the floor
    /// and the naive peer (the longest part of a full run) are left out, and so are the figures that need them.
    /// </summary>
    public static bool ProductOnly { get; set; }

    public string Title => "Scenario 1: Retrieval";

    private sealed record Plan(int FormLeads, int SliceLeads, int WarmUpLeads, int ExistingLeads, int OverlapEvery, int Runs);

    /// <summary>One run. <see cref="HeldBytes"/>: managed memory still held when the call returned (its answer included).</summary>
    private sealed record Measured(TimeSpan Elapsed, long PeakBytes, int Processed, int Created, int Existing, TimeSpan DbTime = default, long StartBytes = 0, long HeldBytes = 0, long PeakHeapBytes = 0, string? Collections = null, long PeakCommittedBytes = 0)
    {
        public long GrowthBytes => PeakBytes - StartBytes;
    }

    /// <summary>What a measured run does: the product, the raw-SQL floor, or the naive peer.</summary>
    internal enum RunKind
    {
        Product,
        Floor,
        Naive,
    }

    /// <summary>Which leads of the form a run takes: all, the oldest slice (growth scenario and naive peer), or the warm-up's.</summary>
    internal enum RunWindow
    {
        All,
        Slice,
        WarmUp,
    }

    private static Plan PlanFor(BenchmarkSize size) => size == BenchmarkSize.Small
        ? new Plan(FormLeads: 500, SliceLeads: 50, WarmUpLeads: 20, ExistingLeads: 2_000, OverlapEvery: 5, Runs: 1)
        : new Plan(FormLeads: 50_000, SliceLeads: 5_000, WarmUpLeads: 500, ExistingLeads: 200_000, OverlapEvery: 5, Runs: 3);

    /// <summary>
    /// The sandbox with the form's leads in three time bands, oldest first: the warm-up's window (WarmUpLeads), the
    /// rest of the growth scenario's small run (SliceLeads in all), then all the others. A since/until window selects
    /// exactly a prefix of bands. Lead ids are the sandbox's sequence numbers, 1..FormLeads, in the order added, so a
    /// sandbox built from the same plan and <paramref name="now"/> in another process has the same leads.
    /// </summary>
    private static async Task<(GraphSandboxServer Sandbox, Dictionary<string, string?> Settings)> StartSandboxAsync(Plan plan, DateTimeOffset now, CancellationToken ct)
    {
        var sandbox = await GraphSandboxServer.StartAsync(new SandboxOptions { InitialLeadsPerForm = 0, LeadsLimitCap = 100 }, 0, ct);
        var (warmUpFrom, warmUpTo, sliceTo) = Bands(now);
        sandbox.State.AddLeads(FormId, plan.WarmUpLeads, warmUpFrom, warmUpTo);
        sandbox.State.AddLeads(FormId, plan.SliceLeads - plan.WarmUpLeads, warmUpTo.AddHours(1), sliceTo);
        sandbox.State.AddLeads(FormId, plan.FormLeads - plan.SliceLeads, sliceTo.AddHours(1), now.AddHours(-1));
        var settings = new Dictionary<string, string?>
        {
            ["Facebook:GraphBaseUrl"] = sandbox.BaseAddress.ToString().TrimEnd('/'),
            ["Facebook:AppId"] = sandbox.State.Options.AppId,
            ["Facebook:AppSecret"] = sandbox.State.Options.AppSecret,
            // The welcome outbox rows are written (that is part of retrieval); sending them is the worker's job, measured
            // apart. Left on, the worker would deliver the new leads' welcomes during the measured call.
            ["Welcome:WorkerEnabled"] = "false",
        };
        return (sandbox, settings);
    }

    private static (DateTimeOffset WarmUpFrom, DateTimeOffset WarmUpTo, DateTimeOffset SliceTo) Bands(DateTimeOffset now) =>
        (now.AddDays(-50), now.AddDays(-45), now.AddDays(-30));

    private static (DateTimeOffset Since, DateTimeOffset Until)? WindowOf(RunWindow window, DateTimeOffset now)
    {
        var (warmUpFrom, warmUpTo, sliceTo) = Bands(now);
        return window switch
        {
            RunWindow.Slice => (warmUpFrom.AddSeconds(-1), sliceTo.AddSeconds(1)),
            RunWindow.WarmUp => (warmUpFrom.AddSeconds(-1), warmUpTo.AddSeconds(1)),
            _ => null,
        };
    }

    private static Task<Measured> MeasureAsync(RunKind kind, RunWindow window, string template, IReadOnlyDictionary<string, string?> settings, int integrationId, DateTimeOffset now, CancellationToken ct) =>
        kind switch
        {
            RunKind.Product => ProductAsync(template, settings, integrationId, WindowOf(window, now), ct),
            RunKind.Floor => FloorAsync(template, settings, integrationId, WindowOf(window, now), ct),
            _ => NaiveAsync(template, settings, integrationId, WindowOf(window, now), ct),
        };

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchmarkSize size, TextWriter log, CancellationToken ct)
    {
        var plan = PlanFor(size);
        var now = DateTimeOffset.UtcNow;
        var (sandbox, settings) = await StartSandboxAsync(plan, now, ct);
        await using var _ = sandbox;

        var clock = Stopwatch.StartNew();
        var (template, integrationId) = await BuildTemplateAsync(settings, plan, ct);
        log.WriteLine($"  template database: {plan.ExistingLeads:N0} leads ({plan.FormLeads / plan.OverlapEvery:N0} of them the form's) in {clock.Elapsed.TotalSeconds:F1} s");

        try
        {
            // A full run measures each run in a process of its own (its own sandbox of the same leads, its own warm-up),
            // so that a run's peak working set is that run's and not what earlier hosts in the harness left behind.
            // A small run (the smoke test) stays in this process.
            Func<RunKind, RunWindow, Task<Measured>> measure = size == BenchmarkSize.Full
                ? (kind, window) => MeasureInChildAsync(kind, window, size, template, integrationId, now, ct)
                : (kind, window) => MeasureAsync(kind, window, template, settings, integrationId, now, ct);
            if (size != BenchmarkSize.Full)
            {
                log.WriteLine("  warm-up");
                foreach (var kind in Enum.GetValues<RunKind>())
                {
                    await MeasureAsync(kind, RunWindow.WarmUp, template, settings, integrationId, now, ct);
                }
            }

            var sliceRuns = new List<Measured>();
            var fullRuns = new List<Measured>();
            var naiveRuns = new List<Measured>();
            var floorRuns = new List<Measured>();
            for (var run = 1; run <= plan.Runs; run++)
            {
                fullRuns.Add(Report(log, $"product {plan.FormLeads:N0}", run, await measure(RunKind.Product, RunWindow.All)));
                if (!ProductOnly)
                {
                    floorRuns.Add(Report(log, $"floor {plan.FormLeads:N0}", run, await measure(RunKind.Floor, RunWindow.All)));
                }

                sliceRuns.Add(Report(log, $"product {plan.SliceLeads:N0}", run, await measure(RunKind.Product, RunWindow.Slice)));
                if (!ProductOnly)
                {
                    naiveRuns.Add(Report(log, $"naive peer {plan.SliceLeads:N0}", run, await measure(RunKind.Naive, RunWindow.Slice)));
                }
            }

            Check(fullRuns.Concat(floorRuns), plan.FormLeads, plan.FormLeads / plan.OverlapEvery);
            Check(sliceRuns, plan.SliceLeads, plan.SliceLeads / plan.OverlapEvery);
            Check(naiveRuns, plan.SliceLeads, plan.SliceLeads / plan.OverlapEvery);

            double Rate(List<Measured> runs, int leads) => leads / Stats.Median([.. runs.Select(r => r.Elapsed.TotalSeconds)]);
            double Seconds(List<Measured> runs) => Stats.Median([.. runs.Select(r => r.Elapsed.TotalSeconds)]);
            double PeakMb(List<Measured> runs) => runs.Max(r => r.PeakBytes) / (1024.0 * 1024.0);
            double HeldMb(List<Measured> runs) => Stats.Median([.. runs.Select(r => r.HeldBytes / (1024.0 * 1024.0))]);
            double HeldPerLead(List<Measured> runs, int leads) => Stats.Median([.. runs.Select(r => (double)r.HeldBytes)]) / leads;
            double GrowthMb(List<Measured> runs) => Stats.Median([.. runs.Select(r => r.GrowthBytes / (1024.0 * 1024.0))]);

            var productFull = Rate(fullRuns, plan.FormLeads);
            var productSlice = Rate(sliceRuns, plan.SliceLeads);
            var naive = Rate(naiveRuns, plan.SliceLeads);
            var floor = Rate(floorRuns, plan.FormLeads);
            var insertOnly = plan.FormLeads / Stats.Median([.. floorRuns.Select(r => r.DbTime.TotalSeconds)]);
            var growth = Seconds(fullRuns) / Seconds(sliceRuns);
            var growthGoal = 11.0 * plan.FormLeads / plan.SliceLeads / 10.0;
            var peakFull = PeakMb(fullRuns);
            var peakSlice = PeakMb(sliceRuns);
            const string S = "Retrieval";
            Figure[] figures =
            [
                new(S, $"Leads/s end to end, {plan.FormLeads:N0} leads (floor: same pages, raw SQL)", productFull, "leads/s", floor, "≥ 0.25 × floor", productFull >= 0.25 * floor,
                    "floor fetches the same Graph pages with the same client, then one prepared lookup per lead and, for a new lead, prepared inserts of the rows the product writes (the lead with its contact keys, its search terms, its welcome outbox row, its entry-stage history row), one transaction per page"),
                new(S, $"Leads/s end to end vs the floor's SQLite work alone (lookups, inserts, commits), {plan.FormLeads:N0} leads", productFull, "leads/s", insertOnly, "≥ 0.25 × floor", productFull >= 0.25 * insertOnly,
                    "floor: the time the floor spent in SQLite only (lookups, inserts, commits), no Graph fetch"),
                new(S, $"Leads/s vs naive peer, {plan.SliceLeads:N0} leads", productSlice, "leads/s", naive, "≥ 10 × peer", productSlice >= 10 * naive,
                    "peer: per lead one lookup, one insert, one SaveChanges (EF, one context), same Graph client and leads; the floor column holds the peer"),
                new(S, $"Time {plan.FormLeads:N0} / {plan.SliceLeads:N0} leads", growth, "×", null, $"≤ {growthGoal:0.#}", growth <= growthGoal),
                new(S, $"Peak working set, {plan.FormLeads:N0} leads (floor column: {plan.SliceLeads:N0} leads)", peakFull, "MB", peakSlice, "< 300 MB and flat (≤ 1.25 × the smaller run's)",
                    peakFull < 300 && peakFull <= 1.25 * peakSlice,
                    "the measuring process (a fresh one per run: the Graph sandbox holding the form's leads, the app, a warm-up run, then the measured run), highest of the runs"),
                new(S, $"Working-set growth during the run, {plan.FormLeads:N0} leads (floor column: the floor's)", GrowthMb(fullRuns), "MB", GrowthMb(floorRuns), "(none)", null,
                    "peak minus the working set when the measured call started (after a full GC), median of the runs; the floor holds nothing per lead, so its growth is the garbage collector's headroom"),
                new(S, $"Managed memory held when the call returns, {plan.FormLeads:N0} leads (floor column: {plan.SliceLeads:N0} leads)", HeldMb(fullRuns), "MB", HeldMb(sliceRuns), "(none)", null,
                    string.Create(CultureInfo.InvariantCulture, $"after a full collection, the answer still referenced: {HeldPerLead(fullRuns, plan.FormLeads):F0} bytes per lead at {plan.FormLeads:N0}, {HeldPerLead(sliceRuns, plan.SliceLeads):F0} at {plan.SliceLeads:N0} (the per-lead results the API answers with)")),
            ];

            // A product-only run has no floor or peer: the figures measured against them are left out.
            return ProductOnly ? [.. figures.Where(f => f.Floor is not double.NaN)] : figures;
        }
        finally
        {
            BenchApp.DeleteDatabase(template);
        }
    }

    /// <summary>Runs one measurement in a child process (this harness with <c>--retrieval-run</c>) and reads its result.</summary>
    private static async Task<Measured> MeasureInChildAsync(RunKind kind, RunWindow window, BenchmarkSize size, string template, int integrationId, DateTimeOffset now, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            typeof(RetrievalScenario).Assembly.Location, ChildArgument, kind.ToString(), window.ToString(), size.ToString(), template,
            integrationId.ToString(CultureInfo.InvariantCulture), now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[BenchApp.KeyFileVariable] = BenchApp.KeyFile;
        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the measuring process.");
        var output = child.StandardOutput.ReadToEndAsync(ct);
        var errors = child.StandardError.ReadToEndAsync(ct);
        await child.WaitForExitAsync(ct);
        var result = (await output).Split('\n').FirstOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (child.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException($"The measuring process ({kind}, {window}) exited with {child.ExitCode}: {await errors}");
        }

        return JsonSerializer.Deserialize<Measured>(result[ResultPrefix.Length..])!;
    }

    public const string ChildArgument = "--retrieval-run";
    private const string ResultPrefix = "RESULT ";

    /// <summary>The child side of <see cref="MeasureInChildAsync"/>: warm-up on the peer's window, then one measured run.</summary>
    public static async Task<int> RunChildAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var kind = Enum.Parse<RunKind>(args[0]);
        var window = Enum.Parse<RunWindow>(args[1]);
        var plan = PlanFor(Enum.Parse<BenchmarkSize>(args[2]));
        var template = args[3];
        var integrationId = int.Parse(args[4], CultureInfo.InvariantCulture);
        var now = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(args[5], CultureInfo.InvariantCulture));
        var (sandbox, settings) = await StartSandboxAsync(plan, now, ct);
        await using (sandbox)
        {
            await MeasureAsync(kind, RunWindow.WarmUp, template, settings, integrationId, now, ct);
            var measured = await MeasureAsync(kind, window, template, settings, integrationId, now, ct);
            Console.Out.WriteLine(ResultPrefix + JsonSerializer.Serialize(measured));
        }

        return 0;
    }

    private static Measured Report(TextWriter log, string what, int run, Measured m)
    {
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what,-22} run {run}: {m.Elapsed.TotalSeconds,7:F2} s, {m.Processed:N0} processed ({m.Created:N0} new, {m.Existing:N0} existing), peak {m.PeakBytes / 1048576.0:F0} MB (+{m.GrowthBytes / 1048576.0:F0} MB), managed heap peak {m.PeakHeapBytes / 1048576.0:F0} MB (committed {m.PeakCommittedBytes / 1048576.0:F0} MB), {m.Collections}"));
        return m;
    }

    private static void Check(IEnumerable<Measured> runs, int processed, int existing)
    {
        foreach (var run in runs)
        {
            if (run.Processed != processed || run.Existing != existing || run.Created != processed - existing)
            {
                throw new InvalidOperationException($"A run processed {run.Processed} ({run.Created} new, {run.Existing} existing); expected {processed} ({processed - existing} new, {existing} existing).");
            }
        }
    }

    /// <summary>
    /// A database the app has migrated, with the owner, an integration of the sandbox's main page, and
    /// <see cref="Plan.ExistingLeads"/> leads (each with its outbox row) of which every OverlapEvery-th of the
    /// form's lead ids is one. Each run works on a copy.
    /// </summary>
    private static async Task<(string Path, int IntegrationId)> BuildTemplateAsync(IReadOnlyDictionary<string, string?> settings, Plan plan, CancellationToken ct)
    {
        var path = Path.Combine(BenchApp.Scratch, $"retrieval-template-{Guid.NewGuid():N}.db");
        int integrationId;
        await using (var app = new BenchApp(path, settings))
        {
            app.Start();
            await using var scope = app.OwnerScope();
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ConnectIntegration(SandboxSeed.MainPageToken, "Benchmark"), ct);
            integrationId = result.Value?.Id ?? throw new InvalidOperationException("Could not connect the sandbox page: " + result.Error + " " + result.Detail);
        }

        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection(BenchApp.ConnectionString(path));
        await connection.OpenAsync(ct);
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct))
        {
            using var writer = new RawLeadWriter(connection, transaction);
            var firstSeen = DateTimeOffset.UtcNow.AddDays(-90);
            var overlap = plan.FormLeads / plan.OverlapEvery;
            for (var i = 1; i <= plan.ExistingLeads; i++)
            {
                // The form's lead ids are 1500000000000000 + sequence; the others are of another form, long ago.
                var facebookId = i <= overlap
                    ? (1_500_000_000_000_000L + (i * plan.OverlapEvery)).ToString(CultureInfo.InvariantCulture)
                    : (2_600_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture);
                var formId = i <= overlap ? FormId : "206170000000099";
                var created = firstSeen.AddMinutes(-i);
                var lead = new Lead
                {
                    OwnerId = BenchApp.OwnerId,
                    FacebookLeadId = facebookId,
                    IntegrationId = integrationId,
                    PageId = SandboxSeed.MainPageId,
                    FormId = formId,
                    FormName = "Test ride",
                    FullName = $"Existing Person {i}",
                    Email = $"person{i}@example.test",
                    Phone = $"+3519{i:D8}",
                    CreatedTime = created,
                    FirstSeenAt = created,
                    Source = LeadSource.ManualRetrieval,
                    AnswersJson = $$"""[{"name":"full_name","values":["Existing Person {{i}}"]},{"name":"email","values":["person{{i}}@example.test"]},{"name":"city","values":["Lisboa"]}]""",
                };
                lead.PlanWelcome(integrationSendsWelcomes: false);
                writer.Insert(lead, created);
            }

            await transaction.CommitAsync(ct);
        }

        await using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync(ct);
        }

        return (path, integrationId);
    }

    private static async Task<T> OnCopyAsync<T>(string template, IReadOnlyDictionary<string, string?> settings, Func<BenchApp, Task<T>> work)
    {
        var path = Path.Combine(BenchApp.Scratch, $"retrieval-{Guid.NewGuid():N}.db");
        File.Copy(template, path);
        try
        {
            await using var app = new BenchApp(path, settings);
            app.Start();
            return await work(app);
        }
        finally
        {
            BenchApp.DeleteDatabase(path);
        }
    }

    /// <summary>The product: <see cref="RetrieveFacebookLeads"/> through the mediator, as the owner.</summary>
    private static Task<Measured> ProductAsync(string template, IReadOnlyDictionary<string, string?> settings, int integrationId, (DateTimeOffset Since, DateTimeOffset Until)? window, CancellationToken ct) =>
        OnCopyAsync(template, settings, async app =>
        {
            await using var scope = app.OwnerScope();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            WorkingSetSampler.Settle();
            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            using var memory = new WorkingSetSampler(TimeSpan.FromMilliseconds(20));
            var clock = Stopwatch.StartNew();
            var result = await mediator.Send(new RetrieveFacebookLeads(integrationId, FormId, window?.Since, window?.Until), ct);
            var elapsed = clock.Elapsed;
            var peak = memory.PeakBytes;
            var collections = memory.Collections;
            var summary = result.Value ?? throw new InvalidOperationException("Retrieval failed: " + result.Error + " " + result.Detail);
            var held = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
            GC.KeepAlive(summary);
            return new Measured(elapsed, peak, summary.TotalProcessed, summary.NewLeads, summary.ExistingLeads, StartBytes: memory.StartBytes, HeldBytes: held,
                PeakHeapBytes: memory.PeakHeapBytes, Collections: collections, PeakCommittedBytes: memory.PeakCommittedBytes);
        });

    /// <summary>The brief's naive design: per lead one lookup, one insert (lead and outbox row), one SaveChanges.</summary>
    private static Task<Measured> NaiveAsync(string template, IReadOnlyDictionary<string, string?> settings, int integrationId, (DateTimeOffset Since, DateTimeOffset Until)? window, CancellationToken ct) =>
        OnCopyAsync(template, settings, async app =>
        {
            await using var scope = app.OwnerScope();
            var source = scope.ServiceProvider.GetRequiredService<ILeadSource>();
            var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
            WorkingSetSampler.Settle();
            using var memory = new WorkingSetSampler(TimeSpan.FromMilliseconds(20));
            var clock = Stopwatch.StartNew();
            int processed = 0, created = 0, existing = 0;
            var credentials = new GraphCredentials(SandboxSeed.MainPageId, SandboxSeed.MainPageToken);
            await foreach (var page in source.GetLeadPagesAsync(credentials, FormId, window?.Since, window?.Until, ct))
            {
                foreach (var data in page)
                {
                    processed++;
                    if (await db.Leads.AnyAsync(l => l.FacebookLeadId == data.Id, ct))
                    {
                        existing++;
                        continue;
                    }

                    var now = DateTimeOffset.UtcNow;
                    var (lead, _) = LeadMapping.FromFacebook(data, integrationId, SandboxSeed.MainPageId, FormId, "Test ride", LeadSource.ManualRetrieval, now);
                    lead!.PlanWelcome(integrationSendsWelcomes: true);
                    db.Leads.Add(lead);
                    await db.SaveChangesAsync(ct);
                    created++;
                }
            }

            return new Measured(clock.Elapsed, memory.PeakBytes, processed, created, existing, StartBytes: memory.StartBytes);
        });

    /// <summary>
    /// The floor: the same Graph pages through the same client and mapping, then raw prepared statements, one
    /// transaction per page: a lookup per lead and, when new, the rows the product writes for it (the lead with its
    /// contact keys, its search terms, its welcome outbox row and the history row of its entry stage). No EF.
    /// </summary>
    private static Task<Measured> FloorAsync(string template, IReadOnlyDictionary<string, string?> settings, int integrationId, (DateTimeOffset Since, DateTimeOffset Until)? window, CancellationToken ct) =>
        OnCopyAsync(template, settings, async app =>
        {
            await using var scope = app.OwnerScope();
            var source = scope.ServiceProvider.GetRequiredService<ILeadSource>();
            await using var connection = new SqliteConnection(BenchApp.ConnectionString(app.DatabasePath));
            await connection.OpenAsync(ct);
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
                await pragma.ExecuteNonQueryAsync(ct);
            }

            WorkingSetSampler.Settle();
            using var memory = new WorkingSetSampler(TimeSpan.FromMilliseconds(20));
            var clock = Stopwatch.StartNew();
            var dbTime = TimeSpan.Zero;
            int processed = 0, created = 0, existing = 0;
            var credentials = new GraphCredentials(SandboxSeed.MainPageId, SandboxSeed.MainPageToken);
            await foreach (var page in source.GetLeadPagesAsync(credentials, FormId, window?.Since, window?.Until, ct))
            {
                var now = DateTimeOffset.UtcNow;
                var leads = new List<Lead>(page.Count);
                foreach (var data in page)
                {
                    var (lead, _) = LeadMapping.FromFacebook(data, integrationId, SandboxSeed.MainPageId, FormId, "Test ride", LeadSource.ManualRetrieval, now);
                    lead!.OwnerId = BenchApp.OwnerId;
                    lead.PlanWelcome(integrationSendsWelcomes: true);
                    leads.Add(lead);
                }

                var dbStarted = Stopwatch.GetTimestamp();
                using (var transaction = connection.BeginTransaction())
                using (var writer = new RawLeadWriter(connection, transaction))
                {
                    foreach (var lead in leads)
                    {
                        processed++;
                        if (writer.Exists(lead.FacebookLeadId))
                        {
                            existing++;
                            continue;
                        }

                        writer.Insert(lead, now);
                        created++;
                    }

                    transaction.Commit();
                }

                dbTime += Stopwatch.GetElapsedTime(dbStarted);
            }

            return new Measured(clock.Elapsed, memory.PeakBytes, processed, created, existing, dbTime, memory.StartBytes, PeakHeapBytes: memory.PeakHeapBytes, Collections: memory.Collections, PeakCommittedBytes: memory.PeakCommittedBytes);
        });

    /// <summary>
    /// Prepared statements for a lead and what the product stores with it (search terms, welcome outbox row, entry-stage
    /// history row), columns as the SQLite migration has them.
    /// </summary>
    private sealed class RawLeadWriter : IDisposable
    {
        private readonly SqliteCommand _exists;
        private readonly SqliteCommand _lead;
        private readonly SqliteCommand _outbox;
        private readonly SqliteCommand _term;
        private readonly SqliteCommand _stage;

        public RawLeadWriter(SqliteConnection connection, SqliteTransaction transaction)
        {
            _exists = connection.CreateCommand();
            _exists.Transaction = transaction;
            _exists.CommandText = "SELECT 1 FROM Leads WHERE OwnerId = $owner AND FacebookLeadId = $id";
            _exists.Parameters.AddWithValue("$owner", BenchApp.OwnerId);
            _exists.Parameters.Add("$id", SqliteType.Text);
            _exists.Prepare();

            _lead = connection.CreateCommand();
            _lead.Transaction = transaction;
            _lead.CommandText = """
                INSERT INTO Leads (OwnerId, FacebookLeadId, IntegrationId, PageId, FormId, FormName, FullName, FirstName, LastName,
                    Email, Phone, AdId, AdName, AdsetId, AdsetName, CampaignId, CampaignName, IsOrganic, Platform, CreatedTime,
                    CreatedTimeKnown, FirstSeenAt, Source, AnswersJson, ConsentsJson, WelcomeStatus, StageKey, EmailKey, PhoneKey)
                VALUES ($owner, $fb, $integration, $page, $form, $formName, $fullName, $firstName, $lastName, $email, $phone, $adId,
                    $adName, $adsetId, $adsetName, $campaignId, $campaignName, $organic, $platform, $created,
                    $createdKnown, $firstSeen, $source, $answers, $consents, $welcome, $stage, $emailKey, $phoneKey)
                RETURNING Id
                """;
            foreach (var name in new[]
            {
                "$owner", "$fb", "$integration", "$page", "$form", "$formName", "$fullName", "$firstName", "$lastName", "$email", "$phone",
                "$adId", "$adName", "$adsetId", "$adsetName", "$campaignId", "$campaignName", "$organic", "$platform", "$created",
                "$createdKnown", "$firstSeen", "$source", "$answers", "$consents", "$welcome", "$stage", "$emailKey", "$phoneKey",
            })
            {
                _lead.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            _lead.Prepare();

            _outbox = connection.CreateCommand();
            _outbox.Transaction = transaction;
            _outbox.CommandText = """
                INSERT INTO OutboxMessages (OwnerId, LeadId, Kind, Status, Attempts, CreatedAt, NextAttemptAt, LastError)
                VALUES ($owner, $lead, $kind, $status, 0, $created, $next, $error)
                """;
            foreach (var name in new[] { "$owner", "$lead", "$kind", "$status", "$created", "$next", "$error" })
            {
                _outbox.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            _outbox.Prepare();

            _term = connection.CreateCommand();
            _term.Transaction = transaction;
            _term.CommandText = "INSERT INTO LeadSearchTerms (OwnerId, LeadId, Term) VALUES ($owner, $lead, $term)";
            foreach (var name in new[] { "$owner", "$lead", "$term" })
            {
                _term.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            _term.Prepare();

            _stage = connection.CreateCommand();
            _stage.Transaction = transaction;
            _stage.CommandText = "INSERT INTO LeadStageChanges (OwnerId, LeadId, FromStageKey, FromStageName, ToStageKey, ToStageName, ActorId, At) "
                + "VALUES ($owner, $lead, NULL, NULL, $to, NULL, $actor, $at)";
            foreach (var name in new[] { "$owner", "$lead", "$to", "$actor", "$at" })
            {
                _stage.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            _stage.Prepare();
        }

        public bool Exists(string facebookLeadId)
        {
            _exists.Parameters["$id"].Value = facebookLeadId;
            return _exists.ExecuteScalar() is not null;
        }

        public void Insert(Lead lead, DateTimeOffset now)
        {
            var p = _lead.Parameters;
            p["$owner"].Value = BenchApp.OwnerId;
            p["$fb"].Value = lead.FacebookLeadId;
            p["$integration"].Value = (object?)lead.IntegrationId ?? DBNull.Value;
            p["$page"].Value = lead.PageId;
            p["$form"].Value = lead.FormId;
            p["$formName"].Value = (object?)lead.FormName ?? DBNull.Value;
            p["$fullName"].Value = (object?)lead.FullName ?? DBNull.Value;
            p["$firstName"].Value = (object?)lead.FirstName ?? DBNull.Value;
            p["$lastName"].Value = (object?)lead.LastName ?? DBNull.Value;
            p["$email"].Value = (object?)lead.Email ?? DBNull.Value;
            p["$phone"].Value = (object?)lead.Phone ?? DBNull.Value;
            p["$adId"].Value = (object?)lead.AdId ?? DBNull.Value;
            p["$adName"].Value = (object?)lead.AdName ?? DBNull.Value;
            p["$adsetId"].Value = (object?)lead.AdsetId ?? DBNull.Value;
            p["$adsetName"].Value = (object?)lead.AdsetName ?? DBNull.Value;
            p["$campaignId"].Value = (object?)lead.CampaignId ?? DBNull.Value;
            p["$campaignName"].Value = (object?)lead.CampaignName ?? DBNull.Value;
            p["$organic"].Value = lead.IsOrganic is { } organic ? (organic ? 1 : 0) : DBNull.Value;
            p["$platform"].Value = (object?)lead.Platform ?? DBNull.Value;
            p["$created"].Value = Binary.ConvertToProvider(lead.CreatedTime);
            p["$createdKnown"].Value = lead.CreatedTimeKnown ? 1 : 0;
            p["$firstSeen"].Value = Binary.ConvertToProvider(lead.FirstSeenAt);
            p["$source"].Value = lead.Source.ToString();
            p["$answers"].Value = lead.AnswersJson;
            p["$consents"].Value = lead.ConsentsJson;
            p["$welcome"].Value = lead.WelcomeStatus.ToString();
            p["$stage"].Value = lead.StageKey;
            p["$emailKey"].Value = (object?)lead.EmailKey ?? DBNull.Value;
            p["$phoneKey"].Value = (object?)lead.PhoneKey ?? DBNull.Value;
            var id = (long)_lead.ExecuteScalar()!;

            var t = _term.Parameters;
            t["$owner"].Value = BenchApp.OwnerId;
            t["$lead"].Value = id;
            foreach (var term in lead.Terms())
            {
                t["$term"].Value = term;
                _term.ExecuteNonQuery();
            }

            var h = _stage.Parameters;
            h["$owner"].Value = BenchApp.OwnerId;
            h["$lead"].Value = id;
            h["$to"].Value = lead.StageKey;
            h["$actor"].Value = BenchApp.OwnerId;
            h["$at"].Value = Binary.ConvertToProvider(lead.FirstSeenAt);

            var o = _outbox.Parameters;
            o["$owner"].Value = BenchApp.OwnerId;
            o["$lead"].Value = id;
            o["$kind"].Value = OutboxMessage.WelcomeKind;
            o["$status"].Value = lead.WelcomeStatus == WelcomeStatus.Skipped ? nameof(OutboxStatus.Skipped) : nameof(OutboxStatus.Pending);
            o["$created"].Value = Binary.ConvertToProvider(now);
            o["$next"].Value = Binary.ConvertToProvider(now);
            o["$error"].Value = lead.WelcomeStatus == WelcomeStatus.Skipped ? "Skipped (no e-mail)" : DBNull.Value;
            _outbox.ExecuteNonQuery();
        }

        public void Dispose()
        {
            _exists.Dispose();
            _lead.Dispose();
            _outbox.Dispose();
            _term.Dispose();
            _stage.Dispose();
        }
    }
}
