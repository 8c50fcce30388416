using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LeadOps.GraphSandbox;
using Microsoft.Extensions.Time.Testing;

namespace LeadOps.IntegrationTests.GraphSandbox;

public sealed class GraphSandboxAuthTests : SandboxFixture
{
    [Test]
    public async Task Me_returns_the_page_for_a_page_token_in_the_authorization_header()
    {
        var me = await Http.GetAsync("me?fields=id,name");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(me.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(me.Json.GetProperty("id").GetString(), Is.EqualTo(SandboxSeed.MainPageId));
            Assert.That(me.Json.GetProperty("name").GetString(), Is.EqualTo(SandboxSeed.MainPageName));
        }
    }

    [Test]
    public async Task Me_accepts_the_token_as_access_token_query_parameter()
    {
        var me = await Http.GetAsync($"me?fields=id,name&access_token={Uri.EscapeDataString(SandboxSeed.MainPageToken)}", token: null);

        Assert.That(me.Json.GetProperty("id").GetString(), Is.EqualTo(SandboxSeed.MainPageId));
        Assert.That(Graph.Requests[^1].HasAccessTokenParameter, Is.True);
    }

    [Test]
    public async Task Any_vNN_N_version_segment_is_accepted()
    {
        var me = await Http.GetAsync($"{Http.Http.BaseAddress}v21.0/me");

        Assert.That(me.Json.GetProperty("id").GetString(), Is.EqualTo(SandboxSeed.MainPageId));
        Assert.That(me.Header("facebook-api-version"), Is.EqualTo("v21.0"));
    }

    [Test]
    public async Task A_call_without_a_token_gets_error_104_access_token_required()
    {
        var me = await Http.GetAsync("me?fields=id,name", token: null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(me.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(me.ErrorCode, Is.EqualTo(104));
            Assert.That(me.Json.GetProperty("error").GetProperty("type").GetString(), Is.EqualTo("OAuthException"));
            Assert.That(me.Json.GetProperty("error").GetProperty("fbtrace_id").GetString(), Is.Not.Empty);
        }
    }

    [Test]
    public async Task An_unknown_token_gets_error_190()
    {
        var me = await Http.GetAsync("me", token: "EAAGnot-a-real-token");

        Assert.That(me.ErrorCode, Is.EqualTo(190));
        Assert.That(me.ErrorSubcode, Is.Null);
    }

    [Test]
    public async Task An_expired_page_token_gets_190_463_on_every_route()
    {
        foreach (var path in new[] { "me", $"{SandboxSeed.ExpiredTokenPageId}/leadgen_forms", $"{SandboxSeed.ExpiredTokenFormId}/leads" })
        {
            var answer = await Http.GetAsync(path, SandboxSeed.ExpiredTokenPageToken);

            Assert.That((answer.ErrorCode, answer.ErrorSubcode), Is.EqualTo((190, (int?)463)), path);
        }
    }

    [Test]
    public async Task A_token_without_leads_retrieval_gets_error_200_naming_the_permission()
    {
        var forms = await Http.GetAsync($"{SandboxSeed.NoLeadsPermissionPageId}/leadgen_forms", SandboxSeed.NoLeadsPermissionPageToken);
        var leads = await Http.GetAsync($"{SandboxSeed.NoLeadsPermissionFormId}/leads", SandboxSeed.NoLeadsPermissionPageToken);
        var me = await Http.GetAsync("me", SandboxSeed.NoLeadsPermissionPageToken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(forms.ErrorCode, Is.EqualTo(200));
            Assert.That(forms.ErrorMessage, Does.Contain("leads_retrieval"));
            Assert.That(leads.ErrorCode, Is.EqualTo(200));
            Assert.That(me.IsError, Is.False);
        }
    }

    [Test]
    public async Task Debug_token_reports_scopes_and_expiry_of_a_valid_page_token()
    {
        var data = (await DebugTokenAsync(SandboxSeed.MainPageToken)).Json.GetProperty("data");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(data.GetProperty("is_valid").GetBoolean(), Is.True);
            Assert.That(data.GetProperty("type").GetString(), Is.EqualTo("PAGE"));
            Assert.That(data.GetProperty("app_id").GetString(), Is.EqualTo("sandbox-app-id"));
            Assert.That(data.GetProperty("expires_at").GetInt64(), Is.Zero);
            Assert.That(data.GetProperty("profile_id").GetString(), Is.EqualTo(SandboxSeed.MainPageId));
            Assert.That(data.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()), Is.EquivalentTo(SandboxSeed.AllScopes));
        }
    }

    [Test]
    public async Task Debug_token_says_an_expired_token_is_invalid_with_an_error_inside_data()
    {
        var data = (await DebugTokenAsync(SandboxSeed.ExpiredTokenPageToken)).Json.GetProperty("data");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(data.GetProperty("is_valid").GetBoolean(), Is.False);
            Assert.That(data.GetProperty("error").GetProperty("code").GetInt32(), Is.EqualTo(190));
            Assert.That(data.GetProperty("error").GetProperty("subcode").GetInt32(), Is.EqualTo(463));
        }
    }

    [Test]
    public async Task Debug_token_shows_the_expiring_token_expires_in_three_days()
    {
        var data = (await DebugTokenAsync(SandboxSeed.ExpiringTokenPageToken)).Json.GetProperty("data");
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(data.GetProperty("expires_at").GetInt64());

        Assert.That(expiresAt - DateTimeOffset.UtcNow, Is.EqualTo(TimeSpan.FromDays(3)).Within(TimeSpan.FromMinutes(5)));
    }

    [Test]
    public async Task Debug_token_says_garbage_is_invalid()
    {
        var data = (await DebugTokenAsync("EAAGgarbage")).Json.GetProperty("data");

        Assert.That(data.GetProperty("is_valid").GetBoolean(), Is.False);
        Assert.That(data.GetProperty("error").GetProperty("code").GetInt32(), Is.EqualTo(190));
    }

    [Test]
    public async Task Debug_token_needs_an_app_token()
    {
        var answer = await Http.GetAsync($"debug_token?input_token={SandboxSeed.MainPageToken}");

        Assert.That(answer.ErrorCode, Is.EqualTo(100));
    }

    [Test]
    public async Task The_expiring_token_stops_working_once_the_clock_passes_its_expiry()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await GraphSandboxServer.StartAsync(new SandboxOptions { TimeProvider = clock });
        using var client = new SandboxClient(server.BaseAddress);

        var before = await client.GetAsync("me", SandboxSeed.ExpiringTokenPageToken);
        clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        var after = await client.GetAsync("me", SandboxSeed.ExpiringTokenPageToken);

        Assert.That(before.IsError, Is.False);
        Assert.That((after.ErrorCode, after.ErrorSubcode), Is.EqualTo((190, (int?)463)));
    }

    [Test]
    public async Task A_wrong_appsecret_proof_is_refused_even_when_not_required()
    {
        var answer = await Http.GetAsync("me?appsecret_proof=" + new string('a', 64));

        Assert.That(answer.ErrorCode, Is.EqualTo(100));
        Assert.That(answer.ErrorMessage, Is.EqualTo("Invalid appsecret_proof provided in the API argument"));
    }

    [Test]
    public async Task When_required_appsecret_proof_is_checked_in_both_documented_forms()
    {
        var options = new SandboxOptions { RequireAppSecretProof = true };
        await using var server = await GraphSandboxServer.StartAsync(options);
        using var client = new SandboxClient(server.BaseAddress);
        var token = SandboxSeed.MainPageToken;
        var time = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var missing = await client.GetAsync("me");
        var legacy = await client.GetAsync($"me?appsecret_proof={Proof(options.AppSecret, token)}");
        var timed = await client.GetAsync($"me?appsecret_proof={Proof(options.AppSecret, token + "|" + time)}&appsecret_time={time}");
        var wrongSecret = await client.GetAsync($"me?appsecret_proof={Proof("another-secret", token)}");
        var timeMismatch = await client.GetAsync($"me?appsecret_proof={Proof(options.AppSecret, token + "|" + time)}&appsecret_time=1");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(missing.ErrorCode, Is.EqualTo(100));
            Assert.That(legacy.IsError, Is.False);
            Assert.That(timed.IsError, Is.False);
            Assert.That(wrongSecret.ErrorMessage, Is.EqualTo("Invalid appsecret_proof provided in the API argument"));
            Assert.That(timeMismatch.ErrorCode, Is.EqualTo(100));
            Assert.That(server.State.Requests.Select(r => r.AppSecretTime), Does.Contain(time));
        }
    }

    [Test]
    public async Task A_call_with_the_token_in_the_header_leaves_no_token_in_the_recorded_url()
    {
        await Http.GetAsync("me?fields=id,name");

        var request = Graph.Requests.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.HasAuthorizationHeader, Is.True);
            Assert.That(request.HasAccessTokenParameter, Is.False);
            Assert.That(request.Path + request.QueryString, Does.Not.Contain(SandboxSeed.MainPageToken));
            Assert.That(request.Path, Is.EqualTo("/v25.0/me"));
        }
    }

    [Test]
    public async Task A_recorded_request_names_the_authorization_scheme_and_the_fbtrace_id_of_its_answer()
    {
        var ok = await Http.GetAsync("me");
        var failed = await Http.GetAsync("999999999/leads");
        await Http.Http.GetAsync(new Uri(Sandbox.BaseAddress, $"v25.0/me?access_token={SandboxSeed.MainPageToken}"));

        var requests = Graph.Requests;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(requests.Select(r => r.AuthorizationScheme), Is.EqualTo(new[] { "Bearer", "Bearer", null }));
            Assert.That(requests[0].FbTraceId, Is.EqualTo(ok.Header("x-fb-trace-id")).And.Not.Empty);
            Assert.That(requests[1].FbTraceId, Is.EqualTo(failed.Json.GetProperty("error").GetProperty("fbtrace_id").GetString()));
            Assert.That(requests[1].FbTraceId, Is.EqualTo(failed.Header("x-fb-trace-id")));
            Assert.That(requests.Select(r => r.FbTraceId), Is.Unique);
        }
    }

    [Test]
    public async Task Page_usage_header_counts_every_use_case_of_the_page_when_switched_on()
    {
        await using var server = await GraphSandboxServer.StartAsync(new SandboxOptions { SendPageUsageHeader = true, PageCallsPerHourBudget = 10 });
        using var client = new SandboxClient(server.BaseAddress);

        await client.GetAsync("me");
        var leads = await client.GetAsync($"{SandboxSeed.MainTestRideFormId}/leads");
        var debug = await client.GetAsync(
            $"debug_token?input_token={Uri.EscapeDataString(SandboxSeed.MainPageToken)}", SandboxSeed.AppAccessToken(server.State.Options));
        var off = await Http.GetAsync("me");

        using var page = JsonDocument.Parse(leads.Header("X-Page-Usage")!);
        using var business = JsonDocument.Parse(leads.Header("X-Business-Use-Case-Usage")!);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.RootElement.GetProperty("call_count").GetInt32(), Is.EqualTo(20), "2 calls of the page, any use case, of 10");
            Assert.That(business.RootElement.GetProperty(SandboxSeed.MainPageId)[0].GetProperty("call_count").GetInt32(), Is.EqualTo(10), "1 leadgen call of 10");
            Assert.That(debug.Header("X-Page-Usage"), Is.Null, "not a page call");
            Assert.That(off.Header("X-Page-Usage"), Is.Null, "off by default");
        }
    }

    [Test]
    public async Task Every_answer_carries_usage_headers_and_page_calls_the_business_use_case_header()
    {
        var me = await Http.GetAsync("me");
        var debug = await DebugTokenAsync(SandboxSeed.MainPageToken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(me.Header("X-App-Usage"), Does.Contain("\"call_count\""));
            Assert.That(me.Header("X-Business-Use-Case-Usage"), Does.StartWith($"{{\"{SandboxSeed.MainPageId}\":[{{\"type\":\"pages\""));
            Assert.That(debug.Header("X-App-Usage"), Is.Not.Null);
            Assert.That(debug.Header("X-Business-Use-Case-Usage"), Is.Null);
        }
    }

    private Task<GraphAnswer> DebugTokenAsync(string inputToken) =>
        Http.GetAsync($"debug_token?input_token={Uri.EscapeDataString(inputToken)}", SandboxSeed.AppAccessToken(Graph.Options));

    private static string Proof(string secret, string data) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(data)));
}
