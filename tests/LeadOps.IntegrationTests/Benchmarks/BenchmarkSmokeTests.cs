using LeadOps.Benchmarks;

namespace LeadOps.IntegrationTests.Benchmarks;

/// <summary>
/// Keeps the benchmark harness alive: every scenario runs tiny, in process, and must produce its figures. The values
/// are not asserted (they mean nothing at this size and on a shared machine); docs/benchmarks.md has the real run.
/// </summary>
[NonParallelizable]
[Category(TestCategories.Slow)]
public sealed class BenchmarkSmokeTests
{
    [Test]
    // A guard against a hang, not a time limit: six scenarios (the latency one waits on the schedule for about a
    // minute by design) on two cores shared with the other test projects took more than 4 minutes.
    [CancelAfter(900_000)]
    public async Task Every_scenario_produces_its_figures_at_size_small(CancellationToken ct)
    {
        using var log = new StringWriter();

        var report = await BenchmarkRunner.RunAsync(["all"], BenchmarkSize.Small, log, ct);

        foreach (var scenario in new[] { "Retrieval", "Webhook", "Inbox", "Send path", "Latency", "Export" })
        {
            var figures = report.Figures.Where(f => f.Scenario == scenario).ToList();
            Assert.That(figures, Is.Not.Empty, $"{scenario} produced no figures; log:\n{log}");
            Assert.That(figures.Select(f => f.Value), Has.All.Matches<double>(v => double.IsFinite(v) && v >= 0), $"{scenario}: a figure is missing; log:\n{log}");
        }

        Assert.That(BenchmarkReportWriter.ConsoleTable(report), Does.Contain("Floor (same run)"));
    }
}
