using LeadOps.Application.Common.Graph;
using LeadOps.Application.Leads;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Graph.Support;

namespace LeadOps.IntegrationTests.Graph;

/// <summary>One circuit per page: a failing page stops calling Graph for a while; the other pages carry on.</summary>
public sealed class GraphCircuitBreakerTests : GraphClientFixture
{
    private string _brokenLead = null!;
    private string _healthyLead = null!;

    private static GraphCredentials BrokenPage => MainPage;

    private static GraphCredentials HealthyPage => OtherPage;

    protected override IDictionary<string, string?> Overrides() => new Dictionary<string, string?>
    {
        ["Facebook:Resilience:MaxAttempts"] = "1",
        ["Facebook:Resilience:CircuitBreakerMinimumThroughput"] = "2",
        ["Facebook:Resilience:CircuitBreakerFailureRatio"] = "0.5",
        ["Facebook:Resilience:CircuitBreakerBreakDuration"] = "00:00:30",
        // Throttles report 100 % usage; pacing would move the clock between calls. The circuit is what is tested here.
        ["Facebook:Resilience:MaxPacingDelay"] = "00:00:00",
    };

    [SetUp]
    public void AddLeads()
    {
        _brokenLead = NewLead(SandboxSeed.MainTestRideFormId);
        _healthyLead = NewLead(SandboxSeed.NotSubscribedFormId);
    }

    [Test]
    public async Task Broken_page_is_paused_while_other_pages_carry_on()
    {
        // Two failures, then the page's calls would be answered again: only the open circuit keeps the third off the wire.
        BreakTheBrokenPageTwice();
        await CallerSeesAsync(GetLead(BrokenPage, _brokenLead));
        await CallerSeesAsync(GetLead(BrokenPage, _brokenLead));

        var paused = await CallerSeesAsync(GetLead(BrokenPage, _brokenLead));
        var healthy = await GraphClientHarness.Within(GetLead(HealthyPage, _healthyLead));

        Assert.Multiple(() =>
        {
            Assert.That(paused.Failure.Kind, Is.EqualTo(GraphFailureKind.Transient));
            Assert.That(paused.Failure.Message, Does.Contain("paused"));
            Assert.That(paused.Failure.RetryAfter, Is.Not.Null);
            Assert.That(CountRequests("GET", "/" + _brokenLead), Is.EqualTo(2), "the open circuit kept the third call off the wire");
            Assert.That(healthy.Id, Is.EqualTo(_healthyLead));
        });
    }

    [Test]
    public async Task Paused_page_is_tried_again_after_the_break()
    {
        BreakTheBrokenPageTwice();
        await CallerSeesAsync(GetLead(BrokenPage, _brokenLead));
        await CallerSeesAsync(GetLead(BrokenPage, _brokenLead));
        var paused = await CallerSeesAsync(GetLead(BrokenPage, _brokenLead));

        Clock.Advance(TimeSpan.FromSeconds(31));
        var lead = await GraphClientHarness.Within(GetLead(BrokenPage, _brokenLead));

        Assert.Multiple(() =>
        {
            Assert.That(paused.Failure.Message, Does.Contain("paused"));
            Assert.That(lead.Id, Is.EqualTo(_brokenLead));
            Assert.That(CountRequests("GET", "/" + _brokenLead), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Throttles_and_token_errors_do_not_open_the_circuit()
    {
        FaultsInOrder(
            FaultRoutes.Lead,
            new FaultRule { Kind = FaultKind.Throttle, Code = 4, EstimatedMinutesToRegainAccess = 0, PageId = SandboxSeed.MainPageId },
            new FaultRule { Kind = FaultKind.TokenExpired, PageId = SandboxSeed.MainPageId },
            new FaultRule { Kind = FaultKind.Throttle, Code = 4, EstimatedMinutesToRegainAccess = 0, PageId = SandboxSeed.MainPageId });
        var failures = new List<GraphFailureKind>();
        for (var i = 0; i < 3; i++)
        {
            failures.Add((await CallerSeesAsync(GetLead(BrokenPage, _brokenLead))).Failure.Kind);
        }

        var lead = await GraphClientHarness.Within(GetLead(BrokenPage, _brokenLead));

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.EqualTo(new[] { GraphFailureKind.RateLimited, GraphFailureKind.TokenInvalid, GraphFailureKind.RateLimited }));
            Assert.That(lead.Id, Is.EqualTo(_brokenLead));
            Assert.That(CountRequests("GET", "/" + _brokenLead), Is.EqualTo(4));
        });
    }

    private void BreakTheBrokenPageTwice() =>
        FaultsInOrder(
            FaultRoutes.Lead,
            new FaultRule { Kind = FaultKind.Http500, PageId = SandboxSeed.MainPageId },
            new FaultRule { Kind = FaultKind.Http500, PageId = SandboxSeed.MainPageId });

    private Task<FacebookLeadData> GetLead(GraphCredentials page, string leadId) => Client.Leads.GetLeadAsync(page, leadId, CancellationToken.None);
}
