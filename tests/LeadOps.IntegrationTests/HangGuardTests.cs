using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;
using LeadOps.IntegrationTests.Leads;
using Microsoft.Extensions.Time.Testing;

namespace LeadOps.IntegrationTests;

/// <summary>
/// The harness's waits (<see cref="HangGuard"/>) turn a wait that can never end on a fake clock into a failing test
/// that names what it waited for, within the limit (kept short here; minutes otherwise).
/// </summary>
public sealed class HangGuardTests(DatabaseKind database) : AppFixture(database)
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(2);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 }).WithClock(_clock);

    [Test]
    public void A_condition_only_a_moving_clock_makes_true_fails_within_the_limit_naming_it()
    {
        var tomorrow = _clock.GetUtcNow().AddDays(1);
        using var limit = HangGuard.LimitTo(Short);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var ex = Assert.ThrowsAsync<TimeoutException>(() =>
            HangGuard.UntilAsync("the fake clock to reach tomorrow", _ => Task.FromResult(_clock.GetUtcNow() >= tomorrow)));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("the fake clock to reach tomorrow").And.Contain(Short.ToString()));
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromMinutes(1)), "given up at the limit");
        });
    }

    /// <summary>
    /// A Graph error 2 on the webhook's lead read: the Graph client backs off on the app's clock, which nothing moves. The
    /// drain gives up at the limit and says what it waited for, instead of hanging.
    /// </summary>
    [Test]
    public async Task A_drain_held_up_by_a_graph_backoff_on_the_fake_clock_fails_naming_the_deliveries()
    {
        var user = await App.NewUserAsync();
        await IntegrationsApiTests.ConnectAsync(App.ApiClient(user), SandboxSeed.NotSubscribedPageToken);
        var leadId = Graph.SubmitLeads(DocumentedLeadReadErrorsTests.Form, 1)[0];
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Lead, PageId = DocumentedLeadReadErrorsTests.Page, Kind = FaultKind.Transient });
        await DocumentedLeadReadErrorsTests.PostDocumentedSampleAsync(App, leadId, _clock.GetUtcNow());

        using var limit = HangGuard.LimitTo(Short);
        var ex = Assert.ThrowsAsync<TimeoutException>(() => App.DrainAsync());

        Assert.That(ex!.Message, Does.Contain("the webhook deliveries that are due to be processed").And.Contain("fake clock"));
    }
}
