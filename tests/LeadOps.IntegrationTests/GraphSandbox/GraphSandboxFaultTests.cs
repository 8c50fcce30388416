using System.Diagnostics;
using System.Net;
using System.Text.Json;
using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.GraphSandbox;

public sealed class GraphSandboxFaultTests : SandboxFixture
{
    private const string Form = SandboxSeed.MainTestRideFormId;

    [Test]
    public async Task A_fault_skips_the_first_calls_then_fires_the_configured_number_of_times()
    {
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Me, Kind = FaultKind.Transient, Code = 2, AfterCalls = 1, Times = 2 });

        var codes = new List<int?>();
        for (var i = 0; i < 5; i++)
        {
            var answer = await Http.GetAsync("me");
            codes.Add(answer.IsError ? answer.ErrorCode : null);
        }

        Assert.That(codes, Is.EqualTo(new int?[] { null, 2, 2, null, null }));
        Assert.That(Graph.Faults.Single().Fired, Is.EqualTo(2));
    }

    [Test]
    public async Task A_transient_fault_answers_http_500_with_is_transient()
    {
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Leads, Kind = FaultKind.Transient, Code = 1, Times = 1 });

        var answer = await Http.GetAsync($"{Form}/leads");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(answer.ErrorCode, Is.EqualTo(1));
            Assert.That(answer.Json.GetProperty("error").GetProperty("is_transient").GetBoolean(), Is.True);
        }
    }

    [Test]
    public async Task A_leadgen_throttle_answers_400_with_80005_and_a_time_to_regain_access()
    {
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Leads, Kind = FaultKind.Throttle, EstimatedMinutesToRegainAccess = 7, Times = 1 });

        var answer = await Http.GetAsync($"{Form}/leads");

        using var usage = JsonDocument.Parse(answer.Header("X-Business-Use-Case-Usage")!);
        var entry = usage.RootElement.GetProperty(SandboxSeed.MainPageId)[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(answer.ErrorCode, Is.EqualTo(80005));
            Assert.That(entry.GetProperty("type").GetString(), Is.EqualTo("leadgen"));
            Assert.That(entry.GetProperty("call_count").GetInt32(), Is.EqualTo(100));
            Assert.That(entry.GetProperty("estimated_time_to_regain_access").GetInt32(), Is.EqualTo(7));
        }
    }

    [TestCase(4)]
    [TestCase(17)]
    [TestCase(613)]
    [TestCase(80001)]
    [TestCase(80006)]
    [TestCase(80004)]
    [TestCase(80014)]
    public async Task Each_throttle_code_can_be_simulated(int code)
    {
        Graph.SetFault(new FaultRule { Kind = FaultKind.Throttle, Code = code, Times = 1 });

        var answer = await Http.GetAsync("me");

        Assert.That(answer.ErrorCode, Is.EqualTo(code));
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task An_app_level_throttle_shows_in_x_app_usage()
    {
        Graph.SetFault(new FaultRule { Kind = FaultKind.Throttle, Code = 4, Times = 1 });

        var answer = await Http.GetAsync("me");

        using var usage = JsonDocument.Parse(answer.Header("X-App-Usage")!);
        Assert.That(usage.RootElement.GetProperty("call_count").GetInt32(), Is.EqualTo(100));
    }

    [Test]
    public async Task An_http_500_fault_answers_a_non_graph_body()
    {
        Graph.SetFault(new FaultRule { Kind = FaultKind.Http500, Times = 1 });

        var response = await Http.Http.GetAsync(new Uri(Sandbox.BaseAddress, $"v25.0/me?access_token={SandboxSeed.MainPageToken}"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
    }

    [TestCase(null, 502)]
    [TestCase(503, 503)]
    [TestCase(404, 404)]
    public async Task A_proxy_error_answers_its_status_with_no_body_at_all(int? status, int expected)
    {
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Me, Kind = FaultKind.ProxyError, Status = status, Times = 1 });

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Sandbox.BaseAddress, SandboxClient.Version + "/me"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", SandboxSeed.MainPageToken);
        using var response = await Http.Http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var next = await Http.GetAsync("me");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(expected));
            Assert.That(body, Is.Empty);
            Assert.That(response.Content.Headers.ContentType, Is.Null);
            Assert.That(next.IsError, Is.False);
        }
    }

    /// <summary>
    /// Graph's 190 refusal comes with <c>WWW-Authenticate: OAuth "Facebook Platform" "invalid_token" "…"</c> (daroczig/fbRads issue
    /// #74); <see cref="FaultKind.OAuthErrorWithoutBody"/> keeps that status and header and loses the JSON body: none, or an HTML page.
    /// </summary>
    [TestCase(false, TestName = "An_oauth_error_without_body_answers_400_with_the_invalid_token_header_and_nothing_else")]
    [TestCase(true, TestName = "An_oauth_error_without_body_answers_400_with_the_invalid_token_header_and_an_html_page")]
    public async Task An_oauth_error_without_body_keeps_the_status_and_the_header(bool html)
    {
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Me, Kind = FaultKind.OAuthErrorWithoutBody, HtmlBody = html, Times = 1 });

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Sandbox.BaseAddress, SandboxClient.Version + "/me"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", SandboxSeed.MainPageToken);
        using var response = await Http.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(string.Join(' ', response.Headers.GetValues("WWW-Authenticate")), Does.StartWith("OAuth \"Facebook Platform\" \"invalid_token\" \"Error validating access token: Session has expired"));
            Assert.That(body, html ? Does.StartWith("<html>") : Is.Empty);
            Assert.That(body, Does.Not.Contain("\"error\""));
        }
    }

    [Test]
    public async Task Token_invalidated_malformed_token_and_policy_block_faults_answer_190_460_190_and_368()
    {
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Leads, Kind = FaultKind.TokenInvalidated, Times = 1 });
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Me, Kind = FaultKind.MalformedToken, Times = 1 });
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Messages, Kind = FaultKind.PolicyBlock, Times = 1 });

        var leads = await Http.GetAsync($"{Form}/leads");
        var me = await Http.GetAsync("me");
        var send = await Http.SendToAsync(SandboxSeed.CustomerWroteOneHourAgoPsid, "Hello");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((leads.Status, leads.ErrorCode, leads.ErrorSubcode), Is.EqualTo((HttpStatusCode.BadRequest, 190, (int?)460)));
            Assert.That(leads.ErrorMessage, Does.Contain("changed their password"));
            Assert.That((me.Status, me.ErrorCode, me.ErrorSubcode), Is.EqualTo((HttpStatusCode.BadRequest, 190, (int?)null)));
            Assert.That(me.ErrorMessage, Is.EqualTo($"Malformed access token {SandboxSeed.MainPageToken}"), "Graph repeats the token it was given");
            Assert.That((send.Status, send.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, 368)));
            Assert.That(Graph.SentMessages, Is.Empty);
        }
    }

    [Test]
    public async Task A_permission_fault_with_code_10_answers_the_application_permission_error()
    {
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Leads, Kind = FaultKind.PermissionMissing, Code = 10, Times = 1 });

        var answer = await Http.GetAsync($"{Form}/leads");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(answer.ErrorCode, Is.EqualTo(10));
            Assert.That(answer.ErrorMessage, Is.EqualTo("(#10) Application does not have permission for this action"));
        }
    }

    [Test]
    public async Task A_repeated_cursor_announces_the_next_page_at_the_cursor_the_call_was_made_with()
    {
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Leads, Kind = FaultKind.RepeatedCursor, Times = 1 });

        var first = await Http.GetAsync($"{Form}/leads?limit=10");
        var cursor = first.Json.GetProperty("paging").GetProperty("cursors").GetProperty("after").GetString()!;
        var second = await Http.GetAsync($"{Form}/leads?limit=10&after={cursor}");
        var paging = second.Json.GetProperty("paging");
        var next = paging.GetProperty("next").GetString()!;
        var third = await Http.GetAsync($"{Form}/leads?limit=10&after={cursor}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.Json.GetProperty("data").GetArrayLength(), Is.EqualTo(10), "the page itself is answered");
            Assert.That(paging.GetProperty("cursors").GetProperty("after").GetString(), Is.EqualTo(cursor));
            Assert.That(next, Does.Contain($"after={cursor}"));
            Assert.That(third.Json.GetProperty("paging").GetProperty("cursors").GetProperty("after").GetString(), Is.Not.EqualTo(cursor), "fired once");
        }
    }

    [Test]
    public async Task A_same_page_new_cursor_fault_names_the_page_again_under_a_cursor_never_given_before()
    {
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Leads, Kind = FaultKind.SamePageNewCursor, Times = 2 });

        var first = await Http.GetAsync($"{Form}/leads?limit=10");
        var cursor = first.Json.GetProperty("paging").GetProperty("cursors").GetProperty("after").GetString()!;
        var second = await Http.GetAsync($"{Form}/leads?limit=10&after={cursor}");
        var renamed = second.Json.GetProperty("paging").GetProperty("cursors").GetProperty("after").GetString()!;
        var third = await Http.GetAsync(second.Json.GetProperty("paging").GetProperty("next").GetString()!);
        var renamedAgain = third.Json.GetProperty("paging").GetProperty("cursors").GetProperty("after").GetString()!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids(second), Has.Count.EqualTo(10), "the page itself is answered");
            Assert.That(Ids(third), Is.EqualTo(Ids(second)), "the next page is the same page");
            Assert.That(new[] { cursor, renamed, renamedAgain }, Is.Unique, "each time under a cursor never given before");
            Assert.That(Graph.Faults.Single().Fired, Is.EqualTo(2), "the first page, asked without a cursor, is left alone");
        }

        static List<string?> Ids(GraphAnswer answer) => [.. answer.Json.GetProperty("data").EnumerateArray().Select(l => l.GetProperty("id").GetString())];
    }

    [Test]
    public async Task A_repeated_cursor_leaves_a_first_page_alone()
    {
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Leads, Kind = FaultKind.RepeatedCursor });

        var first = await Http.GetAsync($"{Form}/leads?limit=10");
        var cursor = first.Json.GetProperty("paging").GetProperty("cursors").GetProperty("after").GetString()!;
        var second = await Http.GetAsync(first.Json.GetProperty("paging").GetProperty("next").GetString()!);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Json.GetProperty("data").GetArrayLength(), Is.EqualTo(10));
            Assert.That(second.Json.GetProperty("paging").GetProperty("cursors").GetProperty("after").GetString(), Is.EqualTo(cursor));
            Assert.That(Graph.Faults.Single().MatchingCalls, Is.EqualTo(1), "only the call with a cursor matched");
            Assert.That(Graph.Faults.Single().Fired, Is.EqualTo(1));
        }
    }

    [Test]
    public void A_status_is_only_for_a_proxy_error_and_a_permission_code_is_10_or_200()
    {
        Assert.That(() => Graph.SetFault(new FaultRule { Kind = FaultKind.ProxyError, Status = 200 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => Graph.SetFault(new FaultRule { Kind = FaultKind.Transient, Status = 503 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => Graph.SetFault(new FaultRule { Kind = FaultKind.PermissionMissing, Code = 190 }), Throws.ArgumentException);
    }

    [Test]
    public async Task Token_expired_and_permission_missing_faults_answer_190_463_and_200()
    {
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Leads, Kind = FaultKind.TokenExpired, Times = 1 });
        Graph.SetFault(new FaultRule { Route = FaultRoutes.LeadgenForms, Kind = FaultKind.PermissionMissing, Permission = "pages_manage_ads", Times = 1 });

        var leads = await Http.GetAsync($"{Form}/leads");
        var forms = await Http.GetAsync("me/leadgen_forms");

        Assert.That((leads.ErrorCode, leads.ErrorSubcode), Is.EqualTo((190, (int?)463)));
        Assert.That(forms.ErrorCode, Is.EqualTo(200));
        Assert.That(forms.ErrorMessage, Does.Contain("pages_manage_ads"));
    }

    [Test]
    public async Task A_permission_fault_naming_no_permission_names_the_one_its_call_needs()
    {
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Messages, Kind = FaultKind.PermissionMissing, Times = 1 });
        Graph.SetFault(new FaultRule { Route = FaultRoutes.SubscribedApps, Kind = FaultKind.PermissionMissing, Times = 1 });
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Leads, Kind = FaultKind.PermissionMissing, Times = 1 });

        var send = await Http.SendToAsync(SandboxSeed.CustomerWroteOneHourAgoPsid, "Hello");
        var subscriptions = await Http.GetAsync($"{SandboxSeed.MainPageId}/subscribed_apps");
        var leads = await Http.GetAsync($"{Form}/leads");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((send.ErrorCode, send.ErrorMessage), Is.EqualTo((200, "(#200) Requires pages_messaging permission")));
            Assert.That((subscriptions.ErrorCode, subscriptions.ErrorMessage), Is.EqualTo((200, "(#200) Requires pages_manage_metadata permission")));
            Assert.That((leads.ErrorCode, leads.ErrorMessage), Is.EqualTo((200, "(#200) Requires leads_retrieval permission")));
        }
    }

    [Test]
    public async Task A_fault_can_target_one_form_only()
    {
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Leads, FormId = SandboxSeed.MainServiceFormId, Kind = FaultKind.Transient });

        var healthy = await Http.GetAsync($"{Form}/leads");
        var broken = await Http.GetAsync($"{SandboxSeed.MainServiceFormId}/leads");

        Assert.That(healthy.IsError, Is.False);
        Assert.That(broken.ErrorCode, Is.EqualTo(2));
    }

    [Test]
    public async Task An_empty_page_with_next_is_followed_and_no_lead_is_lost()
    {
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Leads, Kind = FaultKind.EmptyPageWithNext, AfterCalls = 1, Times = 1 });

        var (ids, calls) = await WalkAsync(Http, $"{Form}/leads?limit=10");

        Assert.That(calls, Is.EqualTo(4), "3 pages of 10 plus the empty one");
        Assert.That(ids, Is.Unique.And.Count.EqualTo(30));
    }

    [Test]
    public async Task A_slow_fault_delays_the_answer()
    {
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Me, Kind = FaultKind.Slow, Delay = TimeSpan.FromMilliseconds(300), Times = 1 });

        var watch = Stopwatch.StartNew();
        var answer = await Http.GetAsync("me");

        Assert.That(answer.IsError, Is.False);
        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290)));
    }

    [Test]
    public async Task A_timeout_fault_hangs_until_the_client_gives_up_and_the_next_call_works()
    {
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Me, Kind = FaultKind.Timeout, Times = 1 });
        using var impatient = new SandboxClient(Sandbox.BaseAddress);
        impatient.Http.Timeout = TimeSpan.FromSeconds(3);

        Assert.That(async () => await impatient.GetAsync("me"), Throws.InstanceOf<TaskCanceledException>());
        // On a busy machine the request may reach the sandbox only after the client gave up: the next call waits until
        // the one-time fault has fired, so that it cannot be the call that hangs.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Graph.Faults.Single().Fired == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.That(Graph.Faults.Single().Fired, Is.EqualTo(1));
        var next = await Http.GetAsync("me");

        Assert.That(next.IsError, Is.False);
    }

    [Test]
    public async Task A_seeded_random_transient_rate_fails_the_same_calls_on_every_run()
    {
        var first = await FailuresAsync();
        var second = await FailuresAsync();

        Assert.That(first, Is.EqualTo(second));
        Assert.That(first.Count(f => f), Is.InRange(1, 39));

        static async Task<List<bool>> FailuresAsync()
        {
            await using var server = await GraphSandboxServer.StartAsync(new SandboxOptions { TransientFaultRate = 0.25, Seed = 5 });
            using var client = new SandboxClient(server.BaseAddress);
            var failures = new List<bool>();
            for (var i = 0; i < 40; i++)
            {
                var answer = await client.GetAsync("me");
                failures.Add(answer.IsError && answer.ErrorCode is 1 or 2);
            }

            return failures;
        }
    }

    [Test]
    public void An_invalid_rule_is_refused()
    {
        Assert.That(() => Graph.SetFault(new FaultRule { Route = "nope" }), Throws.ArgumentException);
        Assert.That(() => Graph.SetFault(new FaultRule { Kind = FaultKind.Throttle, Code = 999 }), Throws.ArgumentException);
        Assert.That(() => Graph.SetFault(new FaultRule { Kind = FaultKind.Transient, Code = 3 }), Throws.ArgumentException);
    }

    [Test]
    public async Task Clearing_faults_restores_normal_answers()
    {
        Graph.SetFault(new FaultRule { Kind = FaultKind.Transient });
        var failing = await Http.GetAsync("me");

        Graph.ClearFaults();
        var healthy = await Http.GetAsync("me");

        Assert.That(failing.IsError, Is.True);
        Assert.That(healthy.IsError, Is.False);
    }
}
