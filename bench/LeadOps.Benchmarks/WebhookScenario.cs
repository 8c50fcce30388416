using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using LeadOps.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.Benchmarks;

/// <summary>
/// Scenario 2, Webhook ingestion: signed leadgen deliveries at a fixed concurrency against the real app on Kestrel
/// (127.0.0.1 only, bounded in time and count). Requests per second and acknowledgement latency on POST /webhook,
/// against the floor: the same server answering 200 on a route that does nothing. Afterwards every acknowledged
/// delivery must be stored.
/// </summary>
internal sealed class WebhookScenario : IBenchmarkScenario
{
    private const int Concurrency = 64;
    private const long MaxRequestsPerRun = 2_000_000;
    private const string PageId = "108249999999999";
    private const string FormId = "206179999999999";

    public string Name => "webhook";

    public string Title => "Scenario 2: Webhook ingestion";

    private sealed record Load(long Ok, long Failed, double Seconds, double P50Ms, double P99Ms)
    {
        public double Rate => Ok / Seconds;
    }

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchmarkSize size, TextWriter log, CancellationToken ct)
    {
        var (duration, warmUp, runs) = size == BenchmarkSize.Small
            ? (TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(0.5), 1)
            : (TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(3), 3);

        var path = Path.Combine(BenchApp.Scratch, $"webhook-{Guid.NewGuid():N}.db");
        try
        {
            await using var app = new BenchApp(path, new Dictionary<string, string?>
            {
                // Nothing here calls Graph: deliveries name a page no integration knows (the worker keeps them as unroutable).
                ["Facebook:GraphBaseUrl"] = "http://127.0.0.1:9",
                ["Facebook:AppId"] = "100000000000001",
            }, kestrel: true);
            app.Start();
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false };
            using var client = new HttpClient(handler) { BaseAddress = app.ServerAddress, Timeout = TimeSpan.FromSeconds(30) };
            var counter = new LeadCounter();

            var acknowledged = 0L;
            await LoadAsync(client, BenchApp.NoopPath, warmUp, counter, ct);
            acknowledged += (await LoadAsync(client, "/webhook", warmUp, counter, ct)).Ok;

            var floorRuns = new List<Load>();
            for (var run = 1; run <= runs; run++)
            {
                floorRuns.Add(Report(log, "floor (no-op route)", run, await LoadAsync(client, BenchApp.NoopPath, duration, counter, ct)));
            }

            var productRuns = new List<Load>();
            for (var run = 1; run <= runs; run++)
            {
                var load = Report(log, "POST /webhook", run, await LoadAsync(client, "/webhook", duration, counter, ct));
                acknowledged += load.Ok;
                productRuns.Add(load);
            }

            long stored;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                stored = await scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>().WebhookDeliveries.LongCountAsync(ct);
            }

            log.WriteLine($"  stored deliveries: {stored:N0} of {acknowledged:N0} acknowledged");
            var rate = Stats.Median([.. productRuns.Select(r => r.Rate)]);
            var floorRate = Stats.Median([.. floorRuns.Select(r => r.Rate)]);
            var p50 = Stats.Median([.. productRuns.Select(r => r.P50Ms)]);
            var p99 = Stats.Median([.. productRuns.Select(r => r.P99Ms)]);
            var failed = productRuns.Sum(r => r.Failed);
            const string S = "Webhook";
            return
            [
                new(S, $"Requests/s, concurrency {Concurrency}, {duration.TotalSeconds:0} s", rate, "req/s", floorRate, "≥ 0.3 × floor", rate >= 0.3 * floorRate),
                new(S, "Acknowledgement latency p50", p50, "ms", Stats.Median([.. floorRuns.Select(r => r.P50Ms)]), "(none)", null),
                new(S, "Acknowledgement latency p99", p99, "ms", Stats.Median([.. floorRuns.Select(r => r.P99Ms)]), "< 50 ms", p99 < 50),
                new(S, "Deliveries stored (floor column: acknowledged)", stored, "rows", acknowledged, "all stored, no errors", stored == acknowledged && failed == 0,
                    failed == 0 ? null : $"{failed:N0} requests did not get 200"),
            ];
        }
        finally
        {
            BenchApp.DeleteDatabase(path);
        }
    }

    private static Load Report(TextWriter log, string what, int run, Load load)
    {
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what,-22} run {run}: {load.Rate,9:N0} req/s, p50 {load.P50Ms:F2} ms, p99 {load.P99Ms:F2} ms, {load.Failed:N0} not 200"));
        return load;
    }

    /// <summary>Distinct leadgen ids across the whole scenario.</summary>
    private sealed class LeadCounter
    {
        private long _next = 1_700_000_000_000_000;

        public long Next() => Interlocked.Increment(ref _next);
    }

    /// <summary><see cref="Concurrency"/> workers posting signed leadgen deliveries until the time or the count bound.</summary>
    private static async Task<Load> LoadAsync(HttpClient client, string path, TimeSpan duration, LeadCounter ids, CancellationToken ct)
    {
        var secret = Encoding.UTF8.GetBytes(BenchApp.AppSecret);
        var latencies = new List<double>[Concurrency];
        long ok = 0, failed = 0, issued = 0;
        var clock = Stopwatch.StartNew();
        var deadline = duration;
        var workers = Enumerable.Range(0, Concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(4096);
            while (clock.Elapsed < deadline && Interlocked.Increment(ref issued) <= MaxRequestsPerRun)
            {
                var body = Body(ids.Next());
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
                request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body)));
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request, ct);
                await response.Content.LoadIntoBufferAsync(ct);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref ok);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new Load(ok, failed, seconds, Stats.Percentile(all, 50), Stats.Percentile(all, 99));
    }

    private static byte[] Body(long leadgenId)
    {
        var time = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $$$"""{"object":"page","entry":[{"id":"{{{PageId}}}","time":{{{time}}},"changes":[{"field":"leadgen","value":{"leadgen_id":"{{{leadgenId}}}","page_id":"{{{PageId}}}","form_id":"{{{FormId}}}","adgroup_id":"120230000000001","created_time":{{{time}}}}}]}]}"""));
    }
}
