using LeadOps.Application.Common.Graph;
using LeadOps.Application.Conversations;
using LeadOps.Application.Leads;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Graph.Support;

namespace LeadOps.IntegrationTests.Graph;

/// <summary>What is retried, how many attempts are made, and what the caller sees — over real HTTP, against the Graph sandbox.</summary>
public sealed class GraphRetryTests : GraphClientFixture
{
    private const string UnknownLeadId = "1599999999999999";

    private string _leadId = null!;

    [SetUp]
    public void AddLead() => _leadId = NewLead();

    [Test]
    public async Task Transient_error_is_retried_until_the_attempts_run_out()
    {
        // A fourth attempt would be answered: the client stops because its three attempts are used up.
        FaultsInOrder(
            FaultRoutes.Lead,
            new FaultRule { Kind = FaultKind.Transient, Code = 1 },
            new FaultRule { Kind = FaultKind.Transient, Code = 2 },
            new FaultRule { Kind = FaultKind.Transient, Code = 1 });

        var ex = await CallerSeesAsync(Client.RunAsync(GetLead()));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(GraphFailureKind.Transient));
            Assert.That(ex.Failure.Code, Is.EqualTo(1));
            Assert.That(ex.Failure.HttpStatus, Is.EqualTo(500));
            Assert.That(LeadRequests(), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Transient_error_followed_by_success_returns_the_lead_after_a_backoff()
    {
        FaultsInOrder(FaultRoutes.Lead, new FaultRule { Kind = FaultKind.Transient, Code = 2 });

        var (lead, waits) = await Client.RunAsync(GetLead());

        Assert.Multiple(() =>
        {
            Assert.That(lead.Id, Is.EqualTo(_leadId));
            Assert.That(LeadRequests(), Is.EqualTo(2));
            Assert.That(waits, Has.Count.EqualTo(1));
            Assert.That(waits[0], Is.GreaterThan(TimeSpan.Zero));
        });
    }

    [Test]
    public async Task Server_error_without_a_body_is_retried()
    {
        FaultsInOrder(
            FaultRoutes.Lead,
            new FaultRule { Kind = FaultKind.ProxyError, Status = 502 },
            new FaultRule { Kind = FaultKind.Http500 },
            new FaultRule { Kind = FaultKind.ProxyError, Status = 503 });

        var ex = await CallerSeesAsync(Client.RunAsync(GetLead()));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(GraphFailureKind.Transient));
            Assert.That(ex.Failure.HttpStatus, Is.EqualTo(503));
            Assert.That(ex.Failure.Code, Is.Null, "no Graph error body");
            Assert.That(LeadRequests(), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Attempt_that_times_out_is_retried()
    {
        FaultsInOrder(FaultRoutes.Lead, new FaultRule { Kind = FaultKind.Timeout });

        var call = GetLead();
        await WaitForRequestsAsync(1);
        Clock.Advance(GraphClientHarness.AttemptTimeout);
        var (lead, _) = await Client.RunAsync(call);

        Assert.Multiple(() =>
        {
            Assert.That(lead.Id, Is.EqualTo(_leadId));
            Assert.That(LeadRequests(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Timeouts_on_every_attempt_reach_the_caller_as_transient()
    {
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Lead, Kind = FaultKind.Timeout });

        var call = GetLead();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await WaitForRequestsAsync(attempt);
            Clock.Advance(GraphClientHarness.AttemptTimeout);
            if (attempt < 3)
            {
                var backoff = await GraphClientHarness.Within(Clock.WaitForTimerAsync(d => d > TimeSpan.Zero && d < GraphClientHarness.AttemptTimeout));
                Clock.Advance(backoff);
            }
        }

        var ex = await CallerSeesAsync(call);

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(GraphFailureKind.Transient));
            Assert.That(ex.Failure.Message, Does.Contain("did not answer"));
            Assert.That(LeadRequests(), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Rate_limit_without_a_wait_hint_is_retried_with_backoff()
    {
        FaultsInOrder(
            FaultRoutes.Lead,
            new FaultRule { Kind = FaultKind.Throttle, Code = 4, EstimatedMinutesToRegainAccess = 0 },
            new FaultRule { Kind = FaultKind.Throttle, Code = 613, EstimatedMinutesToRegainAccess = 0 });

        var (lead, waits) = await Client.RunAsync(GetLead());

        Assert.Multiple(() =>
        {
            Assert.That(lead.Id, Is.EqualTo(_leadId));
            Assert.That(LeadRequests(), Is.EqualTo(3));
            Assert.That(waits, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task Rate_limit_that_persists_reaches_the_caller_as_rate_limited()
    {
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Lead, Kind = FaultKind.Throttle, Code = 80001, EstimatedMinutesToRegainAccess = 0 });

        var ex = await CallerSeesAsync(Client.RunAsync(GetLead()));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(GraphFailureKind.RateLimited));
            Assert.That(ex.Failure.Code, Is.EqualTo(80001));
            Assert.That(LeadRequests(), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Throttle_with_estimated_time_to_regain_access_is_waited_out_then_retried()
    {
        FaultsInOrder(FaultRoutes.Lead, new FaultRule { Kind = FaultKind.Throttle, Code = 80005, EstimatedMinutesToRegainAccess = 1 });
        var started = Clock.GetUtcNow();

        var call = GetLead();
        await Client.WaitForClientWaitAsync(TimeSpan.FromMinutes(1));
        Clock.Advance(TimeSpan.FromSeconds(59));

        Assert.Multiple(() =>
        {
            Assert.That(call.IsCompleted, Is.False, "still waiting for Graph's estimated time");
            Assert.That(LeadRequests(), Is.EqualTo(1));
        });

        Clock.Advance(TimeSpan.FromSeconds(1));
        var lead = await GraphClientHarness.Within(call);

        Assert.Multiple(() =>
        {
            Assert.That(lead.Id, Is.EqualTo(_leadId));
            Assert.That(LeadRequests(), Is.EqualTo(2));
            Assert.That(Clock.GetUtcNow() - started, Is.EqualTo(TimeSpan.FromMinutes(1)));
        });
    }

    [Test]
    public async Task Throttle_longer_than_the_maximum_wait_fails_fast_with_retry_after()
    {
        FaultsInOrder(FaultRoutes.Lead, new FaultRule { Kind = FaultKind.Throttle, Code = 80005, EstimatedMinutesToRegainAccess = 5 });
        var now = Clock.GetUtcNow();

        var ex = await CallerSeesAsync(GetLead());

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(GraphFailureKind.RateLimited));
            Assert.That(ex.Failure.Code, Is.EqualTo(80005));
            Assert.That(ex.Failure.Message, Does.Contain("too many leadgen api calls"));
            Assert.That(ex.Failure.RetryAfter, Is.EqualTo(now.AddMinutes(5)));
            Assert.That(LeadRequests(), Is.EqualTo(1));
        });
    }

    [TestCase(FaultKind.TokenExpired, null, 190, 463, GraphFailureKind.TokenInvalid, 400, TestName = "Token_expired_is_not_retried")]
    [TestCase(FaultKind.TokenInvalidated, null, 190, 460, GraphFailureKind.TokenInvalid, 400, TestName = "Token_invalidated_by_password_change_is_not_retried")]
    [TestCase(FaultKind.PermissionMissing, 10, 10, null, GraphFailureKind.PermissionMissing, 403, TestName = "Permission_error_10_is_not_retried")]
    [TestCase(FaultKind.PermissionMissing, 200, 200, null, GraphFailureKind.PermissionMissing, 403, TestName = "Permission_error_200_is_not_retried")]
    [TestCase(null, null, 100, 33, GraphFailureKind.InvalidRequest, 400, TestName = "Invalid_request_is_not_retried")]
    [TestCase(FaultKind.PolicyBlock, null, 368, null, GraphFailureKind.Blocked, 400, TestName = "Policy_block_is_not_retried")]
    public async Task Errors_that_a_retry_cannot_fix_are_reported_after_one_attempt(
        FaultKind? fault, int? faultCode, int code, int? subcode, GraphFailureKind kind, int httpStatus)
    {
        // The fault fires once: a second attempt would be answered. Without a fault, the lead id is one Graph does not know.
        var leadId = _leadId;
        if (fault is { } faultKind)
        {
            FaultsInOrder(FaultRoutes.Lead, new FaultRule { Kind = faultKind, Code = faultCode });
        }
        else
        {
            leadId = UnknownLeadId;
        }

        var ex = await CallerSeesAsync(Client.Leads.GetLeadAsync(MainPage, leadId, CancellationToken.None));

        var requests = RequestsTo("GET", "/" + leadId);
        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(kind));
            Assert.That(ex.Failure.Code, Is.EqualTo(code));
            Assert.That(ex.Failure.Subcode, Is.EqualTo(subcode));
            Assert.That(ex.Failure.FbTraceId, Is.EqualTo(requests[0].FbTraceId).And.Not.Null, "the fbtrace_id of Graph's answer");
            Assert.That(ex.Failure.HttpStatus, Is.EqualTo(httpStatus));
            Assert.That(requests, Has.Count.EqualTo(1));
        });
    }

    [TestCase(SandboxSeed.CustomerWroteThreeDaysAgoPsid, 10, 2018278, GraphFailureKind.OutsideMessagingWindow, TestName = "Message_outside_the_window_is_not_retried")]
    [TestCase(SandboxSeed.CustomerWhoBlockedPagePsid, 551, 1545041, GraphFailureKind.RecipientUnavailable, TestName = "Unavailable_recipient_is_not_retried")]
    public async Task Messaging_refusals_are_reported_after_one_attempt(string psid, int code, int subcode, GraphFailureKind kind)
    {
        var ex = await CallerSeesAsync(Client.Messenger.SendTextAsync(MainPage, psid, "Hello", MessengerMessagingType.Response, null, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(kind));
            Assert.That((ex.Failure.Code, ex.Failure.Subcode), Is.EqualTo((code, (int?)subcode)));
            Assert.That(CountRequests("POST", $"/{SandboxSeed.MainPageId}/messages"), Is.EqualTo(1));
            Assert.That(Graph.SentMessages, Is.Empty);
        });
    }

    // The Send API's error table (developers.facebook.com/docs/messenger-platform/reference/send-api, "Errors").
    [TestCase(10, 2018108, TestName = "Person_cannot_receive_messages_10_2018108_is_an_unavailable_recipient_not_retried")]
    [TestCase(200, 1545041, TestName = "Message_not_sent_200_1545041_is_an_unavailable_recipient_not_retried")]
    public async Task A_person_not_receiving_messages_is_an_unavailable_recipient(int code, int subcode)
    {
        FaultsInOrder(FaultRoutes.Messages, new FaultRule { Kind = FaultKind.SendRefused, Code = code });

        var ex = await CallerSeesAsync(Client.Messenger.SendTextAsync(MainPage, SandboxSeed.CustomerWroteOneHourAgoPsid, "Hello", MessengerMessagingType.Response, null, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(GraphFailureKind.RecipientUnavailable));
            Assert.That((ex.Failure.Code, ex.Failure.Subcode), Is.EqualTo((code, (int?)subcode)));
            Assert.That(CountRequests("POST", $"/{SandboxSeed.MainPageId}/messages"), Is.EqualTo(1));
            Assert.That(Graph.SentMessages, Is.Empty);
        });
    }

    [Test]
    public async Task Temporary_send_message_failure_1200_is_retried_and_the_message_goes_out_once()
    {
        FaultsInOrder(FaultRoutes.Messages, new FaultRule { Kind = FaultKind.SendRefused, Code = 1200 });

        var (_, waits) = await Client.RunAsync(Client.Messenger.SendTextAsync(MainPage, SandboxSeed.CustomerWroteOneHourAgoPsid, "Hello", MessengerMessagingType.Response, null, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(waits, Has.Count.EqualTo(1), "one backoff before the second attempt");
            Assert.That(CountRequests("POST", $"/{SandboxSeed.MainPageId}/messages"), Is.EqualTo(2));
            Assert.That(Graph.SentMessages.Select(m => m.Text), Is.EqualTo(new[] { "Hello" }));
        });
    }

    [Test]
    public async Task Permission_missing_names_the_permission()
    {
        var page = new GraphCredentials(SandboxSeed.NoLeadsPermissionPageId, SandboxSeed.NoLeadsPermissionPageToken);
        var leadId = NewLead(SandboxSeed.NoLeadsPermissionFormId);

        var ex = await CallerSeesAsync(Client.Leads.GetLeadAsync(page, leadId, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(GraphFailureKind.PermissionMissing));
            Assert.That(ex.Failure.MissingPermission, Is.EqualTo("leads_retrieval"));
            Assert.That(CountRequests("GET", "/" + leadId), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Client_error_without_a_graph_body_is_not_retried()
    {
        FaultsInOrder(FaultRoutes.Lead, new FaultRule { Kind = FaultKind.ProxyError, Status = 404 });

        var ex = await CallerSeesAsync(GetLead());

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(GraphFailureKind.Unknown));
            Assert.That(ex.Failure.HttpStatus, Is.EqualTo(404));
            Assert.That(LeadRequests(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Unreachable_graph_is_retried_then_reported_as_transient()
    {
        // Nothing listens on the sandbox's port once it has stopped: every attempt is refused.
        await Sandbox.StopAsync();

        var ex = await CallerSeesAsync(Client.RunAsync(GetLead()));
        var attempts = Client.Logs.GetSnapshot().Where(r => r.Id.Name == "GraphCall").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(GraphFailureKind.Transient));
            Assert.That(ex.InnerException, Is.InstanceOf<HttpRequestException>());
            Assert.That(attempts, Has.Count.EqualTo(3));
            Assert.That(attempts.Select(a => a.StructuredState!.Single(p => p.Key == "Outcome").Value), Is.All.EqualTo("NetworkError"));
        });
    }

    private Task<FacebookLeadData> GetLead() => Client.Leads.GetLeadAsync(MainPage, _leadId, CancellationToken.None);

    private int LeadRequests() => CountRequests("GET", "/" + _leadId);
}
