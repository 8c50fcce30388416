using System.Net;
using System.Net.Sockets;
using LeadOps.Application.Common.Graph;
using LeadOps.Application.Conversations;
using LeadOps.Application.Leads;
using LeadOps.IntegrationTests.Graph.Support;
using static LeadOps.IntegrationTests.Graph.Support.ScriptedResponse;

namespace LeadOps.IntegrationTests.Graph;

/// <summary>What is retried, how many attempts are made, and what the caller sees — over real HTTP.</summary>
public sealed class GraphRetryTests : GraphServerFixture
{
    private static readonly GraphCredentials Page = new("page-1", "EAAB-page-token-1");

    [Test]
    public async Task Transient_error_is_retried_until_the_attempts_run_out()
    {
        Server.Enqueue("GET", "/lead-1", GraphError(1, status: 500), GraphError(2, status: 503), GraphError(1, status: 500));

        var ex = await CallerSeesAsync(Client.RunAsync(GetLead()));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(GraphFailureKind.Transient));
            Assert.That(ex.Failure.Code, Is.EqualTo(1));
            Assert.That(Server.CountRequests("GET", "/lead-1"), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Transient_error_followed_by_success_returns_the_lead_after_a_backoff()
    {
        Server.Enqueue("GET", "/lead-1", GraphError(2, status: 503), GraphPayloads.Lead("lead-1"));

        var (lead, waits) = await Client.RunAsync(GetLead());

        Assert.Multiple(() =>
        {
            Assert.That(lead.Id, Is.EqualTo("lead-1"));
            Assert.That(Server.CountRequests("GET", "/lead-1"), Is.EqualTo(2));
            Assert.That(waits, Has.Count.EqualTo(1));
            Assert.That(waits[0], Is.GreaterThan(TimeSpan.Zero));
        });
    }

    [Test]
    public async Task Server_error_without_a_body_is_retried()
    {
        Server.Enqueue("GET", "/lead-1", Empty(502), Empty(500), Empty(503));

        var ex = await CallerSeesAsync(Client.RunAsync(GetLead()));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(GraphFailureKind.Transient));
            Assert.That(ex.Failure.HttpStatus, Is.EqualTo(503));
            Assert.That(Server.CountRequests("GET", "/lead-1"), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Attempt_that_times_out_is_retried()
    {
        Server.Enqueue("GET", "/lead-1", Hanging(), GraphPayloads.Lead("lead-1"));

        var call = GetLead();
        await GraphClientHarness.Within(Server.WaitForRequestsAsync(1));
        Client.Clock.Advance(GraphClientHarness.AttemptTimeout);
        var (lead, _) = await Client.RunAsync(call);

        Assert.Multiple(() =>
        {
            Assert.That(lead.Id, Is.EqualTo("lead-1"));
            Assert.That(Server.CountRequests("GET", "/lead-1"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Timeouts_on_every_attempt_reach_the_caller_as_transient()
    {
        Server.Enqueue("GET", "/lead-1", Hanging(), Hanging(), Hanging());

        var call = GetLead();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await GraphClientHarness.Within(Server.WaitForRequestsAsync(attempt));
            Client.Clock.Advance(GraphClientHarness.AttemptTimeout);
            if (attempt < 3)
            {
                var backoff = await GraphClientHarness.Within(Client.Clock.WaitForTimerAsync(d => d > TimeSpan.Zero && d < GraphClientHarness.AttemptTimeout));
                Client.Clock.Advance(backoff);
            }
        }

        var ex = await CallerSeesAsync(call);

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(GraphFailureKind.Transient));
            Assert.That(ex.Failure.Message, Does.Contain("did not answer"));
            Assert.That(Server.CountRequests("GET", "/lead-1"), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Rate_limit_without_a_wait_hint_is_retried_with_backoff()
    {
        Server.Enqueue("GET", "/lead-1", GraphError(4), GraphError(613), GraphPayloads.Lead("lead-1"));

        var (lead, waits) = await Client.RunAsync(GetLead());

        Assert.Multiple(() =>
        {
            Assert.That(lead.Id, Is.EqualTo("lead-1"));
            Assert.That(Server.CountRequests("GET", "/lead-1"), Is.EqualTo(3));
            Assert.That(waits, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task Rate_limit_that_persists_reaches_the_caller_as_rate_limited()
    {
        Server.Enqueue("GET", "/lead-1", GraphError(80001), GraphError(80001), GraphError(80001));

        var ex = await CallerSeesAsync(Client.RunAsync(GetLead()));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(GraphFailureKind.RateLimited));
            Assert.That(Server.CountRequests("GET", "/lead-1"), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Throttle_with_estimated_time_to_regain_access_is_waited_out_then_retried()
    {
        Server.Enqueue("GET", "/lead-1", GraphError(80005, headers: GraphPayloads.Throttled("page-1", minutes: 1)), GraphPayloads.Lead("lead-1"));
        var started = Client.Clock.GetUtcNow();

        var call = GetLead();
        await Client.WaitForClientWaitAsync(TimeSpan.FromMinutes(1));
        Client.Clock.Advance(TimeSpan.FromSeconds(59));

        Assert.Multiple(() =>
        {
            Assert.That(call.IsCompleted, Is.False, "still waiting for Graph's estimated time");
            Assert.That(Server.CountRequests("GET", "/lead-1"), Is.EqualTo(1));
        });

        Client.Clock.Advance(TimeSpan.FromSeconds(1));
        var lead = await GraphClientHarness.Within(call);

        Assert.Multiple(() =>
        {
            Assert.That(lead.Id, Is.EqualTo("lead-1"));
            Assert.That(Server.CountRequests("GET", "/lead-1"), Is.EqualTo(2));
            Assert.That(Client.Clock.GetUtcNow() - started, Is.EqualTo(TimeSpan.FromMinutes(1)));
        });
    }

    [Test]
    public async Task Throttle_longer_than_the_maximum_wait_fails_fast_with_retry_after()
    {
        Server.Enqueue("GET", "/lead-1", GraphError(80005, headers: GraphPayloads.Throttled("page-1", minutes: 5)), GraphPayloads.Lead("lead-1"));
        var now = Client.Clock.GetUtcNow();

        var ex = await CallerSeesAsync(GetLead());

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(GraphFailureKind.RateLimited));
            Assert.That(ex.Failure.Code, Is.EqualTo(80005));
            Assert.That(ex.Failure.RetryAfter, Is.EqualTo(now.AddMinutes(5)));
            Assert.That(Server.CountRequests("GET", "/lead-1"), Is.EqualTo(1));
        });
    }

    [TestCase(190, 463, GraphFailureKind.TokenInvalid, TestName = "Token_expired_is_not_retried")]
    [TestCase(190, 460, GraphFailureKind.TokenInvalid, TestName = "Token_invalidated_by_password_change_is_not_retried")]
    [TestCase(10, null, GraphFailureKind.PermissionMissing, TestName = "Permission_error_10_is_not_retried")]
    [TestCase(200, null, GraphFailureKind.PermissionMissing, TestName = "Permission_error_200_is_not_retried")]
    [TestCase(100, 33, GraphFailureKind.InvalidRequest, TestName = "Invalid_request_is_not_retried")]
    [TestCase(368, null, GraphFailureKind.Blocked, TestName = "Policy_block_is_not_retried")]
    public async Task Errors_that_a_retry_cannot_fix_are_reported_after_one_attempt(int code, int? subcode, GraphFailureKind kind)
    {
        Server.Enqueue("GET", "/lead-1", GraphError(code, subcode), GraphPayloads.Lead("lead-1"));

        var ex = await CallerSeesAsync(GetLead());

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(kind));
            Assert.That(ex.Failure.Code, Is.EqualTo(code));
            Assert.That(ex.Failure.Subcode, Is.EqualTo(subcode));
            Assert.That(ex.Failure.FbTraceId, Is.EqualTo($"trace-{code}"));
            Assert.That(ex.Failure.HttpStatus, Is.EqualTo(400));
            Assert.That(Server.CountRequests("GET", "/lead-1"), Is.EqualTo(1));
        });
    }

    [TestCase(10, 2018278, GraphFailureKind.OutsideMessagingWindow, TestName = "Message_outside_the_window_is_not_retried")]
    [TestCase(551, 1545041, GraphFailureKind.RecipientUnavailable, TestName = "Unavailable_recipient_is_not_retried")]
    public async Task Messaging_refusals_are_reported_after_one_attempt(int code, int subcode, GraphFailureKind kind)
    {
        Server.Enqueue("POST", "/page-1/messages", GraphError(code, subcode), GraphPayloads.SendResult());

        var ex = await CallerSeesAsync(Client.Messenger.SendTextAsync(Page, "psid-1", "Hello", MessengerMessagingType.Response, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(kind));
            Assert.That(Server.CountRequests("POST", "/page-1/messages"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Permission_missing_names_the_permission()
    {
        Server.Enqueue("GET", "/lead-1", GraphError(200, status: 403, message: "(#200) Requires leads_retrieval permission to manage the object"));

        var ex = await CallerSeesAsync(GetLead());

        Assert.That(ex.Failure.MissingPermission, Is.EqualTo("leads_retrieval"));
    }

    [Test]
    public async Task Client_error_without_a_graph_body_is_not_retried()
    {
        Server.Enqueue("GET", "/lead-1", Empty(404), GraphPayloads.Lead("lead-1"));

        var ex = await CallerSeesAsync(GetLead());

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(GraphFailureKind.Unknown));
            Assert.That(ex.Failure.HttpStatus, Is.EqualTo(404));
            Assert.That(Server.CountRequests("GET", "/lead-1"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Unreachable_graph_is_retried_then_reported_as_transient()
    {
        var closedPort = ClosedLoopbackPort();
        var client = await ReplaceClientAsync(new Dictionary<string, string?> { ["Facebook:GraphBaseUrl"] = $"http://127.0.0.1:{closedPort}" });

        var ex = await CallerSeesAsync(client.RunAsync(GetLead()));
        var attempts = client.Logs.GetSnapshot().Count(r => r.Id.Name == "GraphCall");

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(GraphFailureKind.Transient));
            Assert.That(ex.InnerException, Is.InstanceOf<HttpRequestException>());
            Assert.That(attempts, Is.EqualTo(3));
        });
    }

    private Task<FacebookLeadData> GetLead() => Client.Leads.GetLeadAsync(Page, "lead-1", CancellationToken.None);

    /// <summary>The caller gets a GraphApiException — never Refit's ApiException, an HttpRequestException or a status code.</summary>
    private static async Task<GraphApiException> CallerSeesAsync(Task call)
    {
        try
        {
            await GraphClientHarness.Within(call);
        }
        catch (Exception ex)
        {
            Assert.That(ex, Is.TypeOf<GraphApiException>());
            return (GraphApiException)ex;
        }

        Assert.Fail("The call succeeded; a GraphApiException was expected.");
        throw new InvalidOperationException();
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
