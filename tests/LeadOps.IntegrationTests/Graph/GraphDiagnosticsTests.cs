using System.Diagnostics.Metrics;
using LeadOps.Application.Common.Graph;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Graph;
using LeadOps.IntegrationTests.Graph.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LeadOps.IntegrationTests.Graph;

/// <summary>
/// The per-attempt log event, usage headers, metrics and usage-based pacing. The sandbox reports usage from its budgets
/// (<see cref="SandboxOptions.AppCallsPerHourBudget"/>, <see cref="SandboxOptions.PageCallsPerHourBudget"/>), so a small
/// budget makes usage climb with each call.
/// </summary>
public sealed class GraphDiagnosticsTests : GraphClientFixture
{
    [Test]
    public async Task Each_attempt_is_logged_as_one_structured_event()
    {
        // 2 calls of a 7-call budget: the second answer reports 28 % app usage.
        await RestartAsync(new SandboxOptions { InitialLeadsPerForm = 0, AppCallsPerHourBudget = 7 });
        var leadId = NewLead();
        FaultsInOrder(FaultRoutes.Lead, new FaultRule { Kind = FaultKind.Transient, Code = 1 });

        await Client.RunAsync(Client.Leads.GetLeadAsync(MainPage, leadId, CancellationToken.None));

        var requests = Graph.Requests;
        var events = Client.Logs.GetSnapshot().Where(r => r.Id.Name == "GraphCall").ToList();
        Assert.That(events, Has.Count.EqualTo(2));
        Assert.That(requests, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(events[0].Level, Is.EqualTo(LogLevel.Warning));
            Assert.That(Field(events[0], "Operation"), Is.EqualTo("GetLead"));
            Assert.That(Field(events[0], "Route"), Is.EqualTo("/{leadId}"));
            Assert.That(Field(events[0], "Path"), Is.EqualTo($"/v25.0/{leadId}"));
            Assert.That(Field(events[0], "PageId"), Is.EqualTo(SandboxSeed.MainPageId));
            Assert.That(Field(events[0], "Outcome"), Is.EqualTo("Transient"));
            Assert.That(Field(events[0], "HttpStatus"), Is.EqualTo("500"));
            Assert.That(Field(events[0], "ErrorCode"), Is.EqualTo("1"));
            Assert.That(Field(events[0], "Attempt"), Is.EqualTo("1"));
            Assert.That(Field(events[0], "FbTraceId"), Is.EqualTo(requests[0].FbTraceId).And.Not.Null, "from the error body");
            Assert.That(Field(events[0], "DurationMs"), Is.Not.Null);
            Assert.That(Field(events[0], "AppUsagePercent"), Is.EqualTo("14"));

            Assert.That(events[1].Level, Is.EqualTo(LogLevel.Information));
            Assert.That(Field(events[1], "Outcome"), Is.EqualTo("Success"));
            Assert.That(Field(events[1], "HttpStatus"), Is.EqualTo("200"));
            Assert.That(Field(events[1], "Attempt"), Is.EqualTo("2"));
            Assert.That(Field(events[1], "FbTraceId"), Is.EqualTo(requests[1].FbTraceId).And.Not.Null, "from the x-fb-trace-id header");
            Assert.That(Field(events[1], "AppUsagePercent"), Is.EqualTo("28"));
        });
    }

    [Test]
    public async Task Usage_headers_are_kept_per_page_and_exposed_as_metrics()
    {
        // After a Pages call and a leadgen call: app 2 of 8 (25 %), page 2 of 10 (20 %), leadgen 1 of 10 (10 %).
        await RestartAsync(new SandboxOptions { InitialLeadsPerForm = 0, AppCallsPerHourBudget = 8, PageCallsPerHourBudget = 10, SendPageUsageHeader = true });
        var leadId = NewLead();
        await Client.Pages.GetPageAsync(SandboxSeed.MainPageToken, CancellationToken.None);
        var meters = Client.Services.GetRequiredService<IMeterFactory>();
        using var appUsage = new MetricCollector<double>(meters, GraphMetrics.MeterName, "graph.app_usage_percent");
        using var pageUsage = new MetricCollector<double>(meters, GraphMetrics.MeterName, "graph.page_usage_percent");
        using var businessUsage = new MetricCollector<double>(meters, GraphMetrics.MeterName, "graph.business_use_case_usage_percent");
        using var calls = new MetricCollector<long>(meters, GraphMetrics.MeterName, "graph.calls");
        using var duration = new MetricCollector<double>(meters, GraphMetrics.MeterName, "graph.call_duration");

        await Client.Leads.GetLeadAsync(MainPage, leadId, CancellationToken.None);

        var last = Client.Usage.GetLastUsage(SandboxSeed.MainPageId);
        Assert.Multiple(() =>
        {
            Assert.That(last!.ObservedAt, Is.EqualTo(Clock.GetUtcNow()));
            Assert.That(last.Usage.App, Is.EqualTo(new GraphUsageCounters(25, 18, 12)));
            Assert.That(last.Usage.Page?.CallCount, Is.EqualTo(20));
            Assert.That(last.Usage.BusinessUseCases.Single(), Is.EqualTo(new GraphBusinessUseCaseUsage(SandboxSeed.MainPageId, "leadgen", 10, 7, 5, null)));
            Assert.That(Client.Usage.LastAppUsage, Is.SameAs(last));

            var appCallCount = appUsage.GetMeasurementSnapshot().Single(m => m.Tags["usage.metric"] as string == "call_count");
            Assert.That(appCallCount.Value, Is.EqualTo(25));
            var pageCallCount = pageUsage.GetMeasurementSnapshot().Single(m => m.Tags["usage.metric"] as string == "call_count");
            Assert.That(pageCallCount.Value, Is.EqualTo(20));
            Assert.That(pageCallCount.Tags["page.id"], Is.EqualTo(SandboxSeed.MainPageId));
            var business = businessUsage.GetMeasurementSnapshot().Single(m => m.Tags["usage.metric"] as string == "call_count");
            Assert.That(business.Value, Is.EqualTo(10));
            Assert.That(business.Tags["business.id"], Is.EqualTo(SandboxSeed.MainPageId));
            Assert.That(business.Tags["usage.type"], Is.EqualTo("leadgen"));

            var call = calls.GetMeasurementSnapshot().Single();
            Assert.That(call.Tags["operation"], Is.EqualTo("GetLead"));
            Assert.That(call.Tags["outcome"], Is.EqualTo("Success"));
            Assert.That(duration.GetMeasurementSnapshot(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Calls_slow_down_once_usage_passes_the_threshold()
    {
        // A 10-call app budget: after 9 calls usage is 90 %. Up to 80 % (the threshold) no call waits.
        await RestartAsync(new SandboxOptions { InitialLeadsPerForm = 0, AppCallsPerHourBudget = 10 });
        var leadId = NewLead();
        for (var i = 0; i < 9; i++)
        {
            await GraphClientHarness.Within(Client.Leads.GetLeadAsync(MainPage, leadId, CancellationToken.None));
        }

        var tenth = Client.Leads.GetLeadAsync(MainPage, leadId, CancellationToken.None);
        // 90 % with the threshold at 80 % is halfway to 100 %: half of the 10 s maximum.
        await Client.WaitForClientWaitAsync(TimeSpan.FromSeconds(5));

        Assert.Multiple(() =>
        {
            Assert.That(Client.Usage.LastAppUsage?.Usage.App?.CallCount, Is.EqualTo(90));
            Assert.That(tenth.IsCompleted, Is.False);
            Assert.That(Graph.Requests, Has.Count.EqualTo(9), "the tenth call is held back before the wire");
        });

        Clock.Advance(TimeSpan.FromSeconds(5));
        var lead = await GraphClientHarness.Within(tenth);

        Assert.Multiple(() =>
        {
            Assert.That(lead.Id, Is.EqualTo(leadId));
            Assert.That(Graph.Requests, Has.Count.EqualTo(10));
            Assert.That(Client.Logs.GetSnapshot().Count(r => r.Id.Name == "GraphPacing"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Usage_up_to_the_threshold_does_not_slow_calls_down()
    {
        // A 5-call app budget: after 4 calls usage is exactly 80 %, the threshold.
        await RestartAsync(new SandboxOptions { InitialLeadsPerForm = 0, AppCallsPerHourBudget = 5 });
        var leadId = NewLead();
        for (var i = 0; i < 4; i++)
        {
            await GraphClientHarness.Within(Client.Leads.GetLeadAsync(MainPage, leadId, CancellationToken.None));
        }

        var usage = Client.Usage.LastAppUsage?.Usage.App?.CallCount;
        var (_, waits) = await Client.RunAsync(Client.Leads.GetLeadAsync(MainPage, leadId, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(usage, Is.EqualTo(80));
            Assert.That(waits, Is.Empty);
            Assert.That(Client.Logs.GetSnapshot().Count(r => r.Id.Name == "GraphPacing"), Is.Zero);
        });
    }

    [Test]
    public async Task A_busy_page_does_not_slow_down_another_page()
    {
        // A 1-call page budget: one leadgen call puts the main page at 100 %; the app stays far from its budget.
        await RestartAsync(new SandboxOptions { InitialLeadsPerForm = 0, PageCallsPerHourBudget = 1 });
        var busyLead = NewLead();
        var otherLead = NewLead(SandboxSeed.NotSubscribedFormId);
        await GraphClientHarness.Within(Client.Leads.GetLeadAsync(MainPage, busyLead, CancellationToken.None));

        var (lead, waits) = await Client.RunAsync(Client.Leads.GetLeadAsync(OtherPage, otherLead, CancellationToken.None));
        var (_, busyWaits) = await Client.RunAsync(Client.Leads.GetLeadAsync(MainPage, busyLead, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(lead.Id, Is.EqualTo(otherLead));
            Assert.That(waits, Is.Empty);
            Assert.That(busyWaits, Is.EqualTo(new[] { TimeSpan.FromSeconds(10) }), "the busy page itself is slowed down");
        });
    }

    private static string? Field(FakeLogRecord record, string name) =>
        record.StructuredState?.FirstOrDefault(pair => pair.Key == name).Value;
}
