using System.Globalization;
using LeadOps.Application.Common.Graph;
using LeadOps.Application.Conversations;
using LeadOps.Infrastructure.Graph;
using LeadOps.IntegrationTests.Graph.Support;
using Microsoft.Extensions.Logging.Testing;
using static LeadOps.IntegrationTests.Graph.Support.ScriptedResponse;

namespace LeadOps.IntegrationTests.Graph;

/// <summary>Where the token goes (the Authorization header) and where it never goes (URLs, logs).</summary>
public sealed class GraphAuthTests : GraphServerFixture
{
    private const string PageToken = "EAAB-page-token-SECRET-1";
    private const string AppSecret = "app-secret-123";
    private static readonly GraphCredentials Page = new("page-1", PageToken);

    [Test]
    public async Task Page_token_travels_in_the_authorization_header_and_in_no_url()
    {
        ScriptEveryPageCall();

        await CallEveryPageEndpointAsync();

        Assert.That(Server.Requests, Has.Count.EqualTo(8));
        Assert.Multiple(() =>
        {
            foreach (var request in Server.Requests)
            {
                Assert.That(request.Authorization, Is.EqualTo($"Bearer {PageToken}"), request.Path);
                Assert.That(request.PathAndQuery, Does.Not.Contain(PageToken), request.Path);
                Assert.That(Uri.UnescapeDataString(request.PathAndQuery), Does.Not.Contain(PageToken), request.Path);
                Assert.That(request.Query.Keys, Has.None.EqualTo("access_token"), request.Path);
            }
        });
    }

    [Test]
    public async Task Appsecret_proof_and_time_are_sent_when_an_app_secret_is_configured()
    {
        Server.Enqueue("GET", "/lead-1", GraphPayloads.Lead("lead-1"));
        var now = Client.Clock.GetUtcNow().ToUnixTimeSeconds();

        await Client.Leads.GetLeadAsync(Page, "lead-1", CancellationToken.None);

        var request = Server.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.QueryValue("appsecret_time"), Is.EqualTo(now.ToString(CultureInfo.InvariantCulture)));
            Assert.That(request.QueryValue("appsecret_proof"), Is.EqualTo(AppSecretProof.Compute(PageToken, AppSecret, now)));
            Assert.That(request.QueryValue("fields"), Is.Not.Null, "the proof is added to, not instead of, the call's own parameters");
        });
    }

    [Test]
    public async Task No_appsecret_proof_without_an_app_secret()
    {
        var client = await ReplaceClientAsync(new Dictionary<string, string?> { ["Facebook:AppSecret"] = "" });
        Server.Enqueue("GET", "/lead-1", GraphPayloads.Lead("lead-1"));

        await client.Leads.GetLeadAsync(Page, "lead-1", CancellationToken.None);

        var request = Server.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Query.Keys, Has.None.StartsWith("appsecret_"));
            Assert.That(request.Authorization, Is.EqualTo($"Bearer {PageToken}"));
        });
    }

    [Test]
    public async Task Every_retry_attempt_is_signed_with_a_fresh_appsecret_time()
    {
        Server.Enqueue("GET", "/lead-1", GraphError(80005, headers: GraphPayloads.Throttled("page-1", minutes: 1)), GraphPayloads.Lead("lead-1"));

        await Client.RunAsync(Client.Leads.GetLeadAsync(Page, "lead-1", CancellationToken.None));

        var times = Server.Requests.Select(r => long.Parse(r.QueryValue("appsecret_time")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(times, Has.Count.EqualTo(2));
            Assert.That(times[1] - times[0], Is.EqualTo(60));
            foreach (var request in Server.Requests)
            {
                var time = long.Parse(request.QueryValue("appsecret_time")!, CultureInfo.InvariantCulture);
                Assert.That(request.QueryValue("appsecret_proof"), Is.EqualTo(AppSecretProof.Compute(PageToken, AppSecret, time)));
                Assert.That(request.PathAndQuery.Split("appsecret_proof").Length - 1, Is.EqualTo(1), "one proof per request, not one per attempt");
            }
        });
    }

    [Test]
    public async Task Debug_token_is_called_with_the_app_token()
    {
        Server.Enqueue("GET", "/debug_token", Json("""{"data":{"type":"PAGE","is_valid":true,"expires_at":0,"scopes":["leads_retrieval"],"profile_id":"page-1"}}"""));

        var info = await Client.Pages.DebugTokenAsync(PageToken, CancellationToken.None);

        var request = Server.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(info!.IsValid, Is.True);
            Assert.That(request.Authorization, Is.EqualTo($"Bearer app-1|{AppSecret}"));
            Assert.That(request.QueryValue("input_token"), Is.EqualTo(PageToken), "Graph takes the inspected token only as input_token");
            Assert.That(request.Query.Keys, Has.None.StartsWith("appsecret_"), "an app token needs no proof");
        });
    }

    [Test]
    public async Task No_token_secret_or_proof_appears_in_any_log_line()
    {
        ScriptEveryPageCall();
        await CallEveryPageEndpointAsync();
        Server.Enqueue("GET", "/debug_token", Json("""{"data":{"type":"PAGE","is_valid":true,"scopes":[]}}"""));
        await Client.Pages.DebugTokenAsync(PageToken, CancellationToken.None);
        Server.Enqueue("GET", "/lead-2", GraphError(2, status: 500), GraphError(190, 463, message: $"Malformed access token {PageToken}"));
        Assert.ThrowsAsync<GraphApiException>(() => Client.RunAsync(Client.Leads.GetLeadAsync(Page, "lead-2", CancellationToken.None)));

        var proofs = Server.Requests.Select(r => r.QueryValue("appsecret_proof")).OfType<string>().ToList();
        var lines = Client.Logs.GetSnapshot().SelectMany(Texts).ToList();

        Assert.That(lines, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.None.Contains(PageToken));
            Assert.That(lines, Has.None.Contains(AppSecret));
            Assert.That(lines, Has.None.Contains("appsecret_proof"));
            Assert.That(lines, Has.None.Contains("input_token"));
            Assert.That(lines, Has.None.Contains("?"), "no query string is logged");
            Assert.That(lines, Has.None.Contains("Ana Lima"), "no lead answers");
            Assert.That(lines, Has.None.Contains("Hello from LeadOps"), "no message text");
            foreach (var proof in proofs)
            {
                Assert.That(lines, Has.None.Contains(proof));
            }
        });
    }

    private void ScriptEveryPageCall()
    {
        Server.Enqueue("GET", "/me", Json("""{"id":"page-1","name":"Page One"}"""));
        Server.Enqueue("GET", "/page-1/leadgen_forms", Json("""{"data":[{"id":"form-1","name":"Quote","status":"ACTIVE"}],"paging":{"cursors":{"after":"a"}}}"""));
        Server.Enqueue("GET", "/form-1/leads", GraphPayloads.LeadPage([GraphPayloads.LeadObject("lead-1")], after: "c1"), GraphPayloads.LeadPage([], after: null));
        Server.Enqueue("GET", "/lead-1", GraphPayloads.Lead("lead-1"));
        Server.Enqueue("GET", "/page-1/subscribed_apps", Json("""{"data":[{"id":"app-1","subscribed_fields":["leadgen"]}]}"""));
        Server.Enqueue("POST", "/page-1/subscribed_apps", Json("""{"success":true}"""));
        Server.Enqueue("POST", "/page-1/messages", GraphPayloads.SendResult());
    }

    private async Task CallEveryPageEndpointAsync()
    {
        var none = CancellationToken.None;
        await Client.Pages.GetPageAsync(PageToken, none);
        await Client.Pages.GetLeadFormsAsync(Page, none);
        await foreach (var _ in Client.Leads.GetLeadPagesAsync(Page, "form-1", DateTimeOffset.FromUnixTimeSeconds(1_795_000_000), null, none))
        {
        }

        await Client.Leads.GetLeadAsync(Page, "lead-1", none);
        await Client.Pages.GetSubscribedFieldsAsync(Page, none);
        await Client.Pages.SubscribeAsync(Page, ["leadgen", "messages"], none);
        await Client.Messenger.SendTextAsync(Page, "psid-1", "Hello from LeadOps", MessengerMessagingType.Response, none);
    }

    /// <summary>Everything a log sink could write for a record: message, structured values, scopes, exception.</summary>
    private static IEnumerable<string> Texts(FakeLogRecord record)
    {
        yield return record.Message;
        foreach (var pair in record.StructuredState ?? [])
        {
            yield return $"{pair.Key}={pair.Value}";
        }

        foreach (var scope in record.Scopes)
        {
            yield return scope?.ToString() ?? string.Empty;
        }

        if (record.Exception is { } exception)
        {
            yield return exception.ToString();
        }
    }
}
