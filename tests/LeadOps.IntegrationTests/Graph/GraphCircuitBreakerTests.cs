using LeadOps.Application.Common.Graph;
using LeadOps.Application.Leads;
using LeadOps.IntegrationTests.Graph.Support;
using static LeadOps.IntegrationTests.Graph.Support.ScriptedResponse;

namespace LeadOps.IntegrationTests.Graph;

/// <summary>One circuit per page: a failing page stops calling Graph for a while; the other pages carry on.</summary>
public sealed class GraphCircuitBreakerTests : GraphServerFixture
{
    private static readonly GraphCredentials BrokenPage = new("page-a", "EAAB-token-a");
    private static readonly GraphCredentials HealthyPage = new("page-b", "EAAB-token-b");

    protected override IDictionary<string, string?> Overrides() => new Dictionary<string, string?>
    {
        ["Facebook:Resilience:MaxAttempts"] = "1",
        ["Facebook:Resilience:CircuitBreakerMinimumThroughput"] = "2",
        ["Facebook:Resilience:CircuitBreakerFailureRatio"] = "0.5",
        ["Facebook:Resilience:CircuitBreakerBreakDuration"] = "00:00:30",
    };

    [Test]
    public async Task Broken_page_is_paused_while_other_pages_carry_on()
    {
        Server.Enqueue("GET", "/lead-a", Empty(500), Empty(500), GraphPayloads.Lead("lead-a"));
        Server.Enqueue("GET", "/lead-b", GraphPayloads.Lead("lead-b"));
        await FailsAsync(GetLead(BrokenPage, "lead-a"));
        await FailsAsync(GetLead(BrokenPage, "lead-a"));

        var paused = await FailsAsync(GetLead(BrokenPage, "lead-a"));
        var healthy = await GetLead(HealthyPage, "lead-b");

        Assert.Multiple(() =>
        {
            Assert.That(paused.Failure.Kind, Is.EqualTo(GraphFailureKind.Transient));
            Assert.That(paused.Failure.Message, Does.Contain("paused"));
            Assert.That(paused.Failure.RetryAfter, Is.Not.Null);
            Assert.That(Server.CountRequests("GET", "/lead-a"), Is.EqualTo(2), "the open circuit kept the third call off the wire");
            Assert.That(healthy.Id, Is.EqualTo("lead-b"));
        });
    }

    [Test]
    public async Task Paused_page_is_tried_again_after_the_break()
    {
        Server.Enqueue("GET", "/lead-a", Empty(500), Empty(500), GraphPayloads.Lead("lead-a"));
        await FailsAsync(GetLead(BrokenPage, "lead-a"));
        await FailsAsync(GetLead(BrokenPage, "lead-a"));

        Client.Clock.Advance(TimeSpan.FromSeconds(31));
        var lead = await GetLead(BrokenPage, "lead-a");

        Assert.That(lead.Id, Is.EqualTo("lead-a"));
    }

    [Test]
    public async Task Throttles_and_token_errors_do_not_open_the_circuit()
    {
        Server.Enqueue("GET", "/lead-a", GraphError(4), GraphError(190, 463), GraphError(4), GraphPayloads.Lead("lead-a"));
        for (var i = 0; i < 3; i++)
        {
            await FailsAsync(GetLead(BrokenPage, "lead-a"));
        }

        var lead = await GetLead(BrokenPage, "lead-a");

        Assert.That(lead.Id, Is.EqualTo("lead-a"));
    }

    private Task<FacebookLeadData> GetLead(GraphCredentials page, string leadId) => Client.Leads.GetLeadAsync(page, leadId, CancellationToken.None);

    private static async Task<GraphApiException> FailsAsync(Task call)
    {
        try
        {
            await GraphClientHarness.Within(call);
        }
        catch (GraphApiException ex)
        {
            return ex;
        }

        Assert.Fail("A GraphApiException was expected.");
        throw new InvalidOperationException();
    }
}
