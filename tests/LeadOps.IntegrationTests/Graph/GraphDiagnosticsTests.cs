using System.Diagnostics.Metrics;
using LeadOps.Application.Common.Graph;
using LeadOps.Infrastructure.Graph;
using LeadOps.IntegrationTests.Graph.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using static LeadOps.IntegrationTests.Graph.Support.ScriptedResponse;

namespace LeadOps.IntegrationTests.Graph;

/// <summary>The per-attempt log event, usage headers, metrics and usage-based pacing.</summary>
public sealed class GraphDiagnosticsTests : GraphServerFixture
{
    private static readonly GraphCredentials Page = new("page-1", "EAAB-page-token-1");

    [Test]
    public async Task Each_attempt_is_logged_as_one_structured_event()
    {
        Server.Enqueue(
            "GET",
            "/lead-1",
            GraphError(1, status: 500),
            GraphPayloads.Lead("lead-1", headers: new Dictionary<string, string>
            {
                ["x-fb-trace-id"] = "trace-ok",
                ["X-App-Usage"] = """{"call_count":28,"total_time":25,"total_cputime":12}""",
            }));

        await Client.RunAsync(Client.Leads.GetLeadAsync(Page, "lead-1", CancellationToken.None));

        var events = Client.Logs.GetSnapshot().Where(r => r.Id.Name == "GraphCall").ToList();
        Assert.That(events, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(events[0].Level, Is.EqualTo(LogLevel.Warning));
            Assert.That(Field(events[0], "Operation"), Is.EqualTo("GetLead"));
            Assert.That(Field(events[0], "Route"), Is.EqualTo("/{leadId}"));
            Assert.That(Field(events[0], "Path"), Is.EqualTo("/v25.0/lead-1"));
            Assert.That(Field(events[0], "PageId"), Is.EqualTo("page-1"));
            Assert.That(Field(events[0], "Outcome"), Is.EqualTo("Transient"));
            Assert.That(Field(events[0], "HttpStatus"), Is.EqualTo("500"));
            Assert.That(Field(events[0], "ErrorCode"), Is.EqualTo("1"));
            Assert.That(Field(events[0], "Attempt"), Is.EqualTo("1"));
            Assert.That(Field(events[0], "FbTraceId"), Is.EqualTo("trace-1"));
            Assert.That(Field(events[0], "DurationMs"), Is.Not.Null);

            Assert.That(events[1].Level, Is.EqualTo(LogLevel.Information));
            Assert.That(Field(events[1], "Outcome"), Is.EqualTo("Success"));
            Assert.That(Field(events[1], "HttpStatus"), Is.EqualTo("200"));
            Assert.That(Field(events[1], "Attempt"), Is.EqualTo("2"));
            Assert.That(Field(events[1], "FbTraceId"), Is.EqualTo("trace-ok"));
            Assert.That(Field(events[1], "AppUsagePercent"), Is.EqualTo("28"));
        });
    }

    [Test]
    public async Task Usage_headers_are_kept_per_page_and_exposed_as_metrics()
    {
        var meters = Client.Services.GetRequiredService<IMeterFactory>();
        using var appUsage = new MetricCollector<double>(meters, GraphMetrics.MeterName, "leadops.graph.app_usage_percent");
        using var businessUsage = new MetricCollector<double>(meters, GraphMetrics.MeterName, "leadops.graph.business_use_case_usage_percent");
        using var calls = new MetricCollector<long>(meters, GraphMetrics.MeterName, "leadops.graph.calls");
        using var duration = new MetricCollector<double>(meters, GraphMetrics.MeterName, "leadops.graph.call_duration");
        Server.Enqueue("GET", "/lead-1", GraphPayloads.Lead("lead-1", headers: new Dictionary<string, string>
        {
            ["X-App-Usage"] = """{"call_count":28,"total_time":25,"total_cputime":12}""",
            ["X-Page-Usage"] = """{"call_count":33,"total_time":1,"total_cputime":1}""",
            ["X-Business-Use-Case-Usage"] = """{"page-1":[{"type":"pages","call_count":40,"total_cputime":5,"total_time":6,"estimated_time_to_regain_access":0}]}""",
        }));

        await Client.Leads.GetLeadAsync(Page, "lead-1", CancellationToken.None);

        var last = Client.Usage.GetLastUsage("page-1");
        Assert.Multiple(() =>
        {
            Assert.That(last!.ObservedAt, Is.EqualTo(Client.Clock.GetUtcNow()));
            Assert.That(last.Usage.App, Is.EqualTo(new GraphUsageCounters(28, 25, 12)));
            Assert.That(last.Usage.Page?.CallCount, Is.EqualTo(33));
            Assert.That(last.Usage.BusinessUseCases.Single(), Is.EqualTo(new GraphBusinessUseCaseUsage("page-1", "pages", 40, 6, 5, null)));
            Assert.That(Client.Usage.LastAppUsage, Is.SameAs(last));

            var appCallCount = appUsage.GetMeasurementSnapshot().Single(m => m.Tags["usage.metric"] as string == "call_count");
            Assert.That(appCallCount.Value, Is.EqualTo(28));
            var business = businessUsage.GetMeasurementSnapshot().Single(m => m.Tags["usage.metric"] as string == "call_count");
            Assert.That(business.Value, Is.EqualTo(40));
            Assert.That(business.Tags["business.id"], Is.EqualTo("page-1"));
            Assert.That(business.Tags["usage.type"], Is.EqualTo("pages"));

            var call = calls.GetMeasurementSnapshot().Single();
            Assert.That(call.Tags["operation"], Is.EqualTo("GetLead"));
            Assert.That(call.Tags["outcome"], Is.EqualTo("Success"));
            Assert.That(duration.GetMeasurementSnapshot(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Garbage_usage_headers_do_not_fail_the_call()
    {
        Server.Enqueue("GET", "/lead-1", GraphPayloads.Lead("lead-1", headers: new Dictionary<string, string>
        {
            ["X-App-Usage"] = "{not json",
            ["X-Business-Use-Case-Usage"] = "[]",
        }));

        var lead = await Client.Leads.GetLeadAsync(Page, "lead-1", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(lead.Id, Is.EqualTo("lead-1"));
            Assert.That(Client.Usage.GetLastUsage("page-1"), Is.Null);
        });
    }

    [Test]
    public async Task Calls_slow_down_once_usage_passes_the_threshold()
    {
        var highUsage = new Dictionary<string, string> { ["X-App-Usage"] = """{"call_count":90,"total_time":10,"total_cputime":10}""" };
        Server.Enqueue("GET", "/lead-1", GraphPayloads.Lead("lead-1", headers: highUsage));
        Server.Enqueue("GET", "/lead-2", GraphPayloads.Lead("lead-2"));
        await Client.Leads.GetLeadAsync(Page, "lead-1", CancellationToken.None);

        var second = Client.Leads.GetLeadAsync(Page, "lead-2", CancellationToken.None);
        // 90 % with the threshold at 80 % is halfway to 100 %: half of the 10 s maximum.
        await Client.WaitForClientWaitAsync(TimeSpan.FromSeconds(5));

        Assert.Multiple(() =>
        {
            Assert.That(second.IsCompleted, Is.False);
            Assert.That(Server.CountRequests("GET", "/lead-2"), Is.Zero);
        });

        Client.Clock.Advance(TimeSpan.FromSeconds(5));
        var lead = await GraphClientHarness.Within(second);

        Assert.Multiple(() =>
        {
            Assert.That(lead.Id, Is.EqualTo("lead-2"));
            Assert.That(Client.Logs.GetSnapshot().Count(r => r.Id.Name == "GraphPacing"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Usage_below_the_threshold_does_not_slow_calls_down()
    {
        var usage = new Dictionary<string, string> { ["X-App-Usage"] = """{"call_count":79,"total_time":10,"total_cputime":10}""" };
        Server.Enqueue("GET", "/lead-1", GraphPayloads.Lead("lead-1", headers: usage));
        Server.Enqueue("GET", "/lead-2", GraphPayloads.Lead("lead-2"));

        await Client.Leads.GetLeadAsync(Page, "lead-1", CancellationToken.None);
        var (_, waits) = await Client.RunAsync(Client.Leads.GetLeadAsync(Page, "lead-2", CancellationToken.None));

        Assert.That(waits, Is.Empty);
    }

    [Test]
    public async Task A_busy_page_does_not_slow_down_another_page()
    {
        var busy = new Dictionary<string, string>
        {
            ["X-Business-Use-Case-Usage"] = """{"page-1":[{"type":"pages","call_count":99,"total_cputime":10,"total_time":10}]}""",
        };
        Server.Enqueue("GET", "/lead-1", GraphPayloads.Lead("lead-1", headers: busy));
        Server.Enqueue("GET", "/lead-2", GraphPayloads.Lead("lead-2"));
        await Client.Leads.GetLeadAsync(Page, "lead-1", CancellationToken.None);

        var (lead, waits) = await Client.RunAsync(Client.Leads.GetLeadAsync(new GraphCredentials("page-2", "EAAB-page-token-2"), "lead-2", CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(lead.Id, Is.EqualTo("lead-2"));
            Assert.That(waits, Is.Empty);
        });
    }

    private static string? Field(FakeLogRecord record, string name) =>
        record.StructuredState?.FirstOrDefault(pair => pair.Key == name).Value;
}
