using System.Globalization;
using LeadOps.Application.Common.Graph;
using LeadOps.Application.Conversations;
using LeadOps.Application.Leads;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Graph;
using LeadOps.IntegrationTests.Graph.Support;
using Microsoft.Extensions.Logging.Testing;

namespace LeadOps.IntegrationTests.Graph;

/// <summary>
/// Where the token goes (the Authorization header) and where it never goes (URLs, logs). The sandbox only answers a
/// call whose token it knows and whose appsecret_proof matches, so a call that succeeds was signed correctly.
/// </summary>
public sealed class GraphAuthTests : GraphClientFixture
{
    private const string PageToken = SandboxSeed.MainPageToken;
    private const string Form = SandboxSeed.MainTestRideFormId;

    private string AppSecret => Graph.Options.AppSecret;

    [Test]
    public async Task Page_token_travels_in_the_authorization_header_and_in_no_url()
    {
        await CallEveryPageEndpointAsync();

        var requests = Graph.Requests;
        Assert.That(requests, Has.Count.EqualTo(8));
        Assert.Multiple(() =>
        {
            foreach (var request in requests)
            {
                Assert.That(request.AuthorizationScheme, Is.EqualTo("Bearer"), request.Path);
                Assert.That(request.HasAccessTokenParameter, Is.False, request.Path);
                Assert.That(request.Path + request.QueryString, Does.Not.Contain(PageToken), request.Path);
                Assert.That(Uri.UnescapeDataString(request.Path + request.QueryString), Does.Not.Contain(PageToken), request.Path);
            }
        });
    }

    [Test]
    public async Task Appsecret_proof_and_time_are_sent_when_an_app_secret_is_configured()
    {
        var leadId = NewLead();
        var now = Clock.GetUtcNow().ToUnixTimeSeconds();

        await Client.Leads.GetLeadAsync(MainPage, leadId, CancellationToken.None);

        var request = Graph.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.AppSecretTime, Is.EqualTo(now.ToString(CultureInfo.InvariantCulture)));
            Assert.That(request.AppSecretProof, Is.EqualTo(AppSecretProof.Compute(PageToken, AppSecret, now)));
            Assert.That(Query(request, "fields"), Is.Not.Null, "the proof is added to, not instead of, the call's own parameters");
        });
    }

    [Test]
    public async Task No_appsecret_proof_without_an_app_secret()
    {
        var client = await ReplaceClientAsync(new Dictionary<string, string?> { ["Facebook:AppSecret"] = "" });
        var leadId = NewLead();

        await client.Leads.GetLeadAsync(MainPage, leadId, CancellationToken.None);

        var request = Graph.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.AppSecretProof, Is.Null);
            Assert.That(request.AppSecretTime, Is.Null);
            Assert.That(request.QueryString, Does.Not.Contain("appsecret_"));
            Assert.That(request.AuthorizationScheme, Is.EqualTo("Bearer"));
        });
    }

    [Test]
    public async Task Every_retry_attempt_is_signed_with_a_fresh_appsecret_time()
    {
        await RestartAsync(new SandboxOptions { InitialLeadsPerForm = 0, RequireAppSecretProof = true });
        var leadId = NewLead();
        FaultsInOrder(FaultRoutes.Lead, new FaultRule { Kind = FaultKind.Throttle, Code = 80005, EstimatedMinutesToRegainAccess = 1 });

        var (lead, _) = await Client.RunAsync(Client.Leads.GetLeadAsync(MainPage, leadId, CancellationToken.None));

        var requests = Graph.Requests;
        var times = requests.Select(r => long.Parse(r.AppSecretTime!, CultureInfo.InvariantCulture)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(lead.Id, Is.EqualTo(leadId), "the sandbox accepted the second attempt's proof");
            Assert.That(times, Has.Count.EqualTo(2));
            Assert.That(times[1] - times[0], Is.EqualTo(60));
            foreach (var request in requests)
            {
                var time = long.Parse(request.AppSecretTime!, CultureInfo.InvariantCulture);
                Assert.That(request.AppSecretProof, Is.EqualTo(AppSecretProof.Compute(PageToken, AppSecret, time)));
                Assert.That(request.QueryString.Split("appsecret_proof").Length - 1, Is.EqualTo(1), "one proof per request, not one per attempt");
            }
        });
    }

    [TestCase("not-the-app-secret", "Invalid appsecret_proof provided in the API argument", TestName = "A_proof_made_with_the_wrong_secret_is_refused_and_not_retried")]
    [TestCase("", "API calls from the server require an appsecret_proof argument", TestName = "A_call_without_a_proof_is_refused_when_the_app_requires_one")]
    public async Task Graph_refuses_a_call_without_the_right_proof_when_the_app_requires_it(string clientSecret, string message)
    {
        await RestartAsync(new SandboxOptions { InitialLeadsPerForm = 0, RequireAppSecretProof = true });
        var client = await ReplaceClientAsync(new Dictionary<string, string?> { ["Facebook:AppSecret"] = clientSecret });
        var leadId = NewLead();

        var ex = await CallerSeesAsync(client.Leads.GetLeadAsync(MainPage, leadId, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(GraphFailureKind.InvalidRequest));
            Assert.That(ex.Failure.Code, Is.EqualTo(100));
            Assert.That(ex.Failure.Message, Is.EqualTo(message));
            Assert.That(Graph.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Debug_token_is_called_with_the_app_token()
    {
        var info = await Client.Pages.DebugTokenAsync(PageToken, CancellationToken.None);

        var request = Graph.Requests.Single();
        Assert.Multiple(() =>
        {
            // The sandbox answers debug_token only to the app token (app id|app secret) in the Authorization header.
            Assert.That(info!.IsValid, Is.True);
            Assert.That(info.Scopes, Does.Contain(SandboxSeed.ScopeLeadsRetrieval));
            Assert.That(request.AuthorizationScheme, Is.EqualTo("Bearer"));
            Assert.That(request.HasAccessTokenParameter, Is.False);
            Assert.That(Query(request, "input_token"), Is.EqualTo(PageToken), "Graph takes the inspected token only as input_token");
            Assert.That(request.AppSecretProof, Is.Null, "an app token needs no proof");
            Assert.That(request.AppSecretTime, Is.Null);
        });
    }

    [Test]
    public async Task No_token_secret_or_proof_appears_in_any_log_line()
    {
        var leads = await CallEveryPageEndpointAsync();
        await Client.Pages.DebugTokenAsync(PageToken, CancellationToken.None);
        var failingLead = NewLead();
        // A transient error, then Graph's "Malformed access token <token>", which repeats the token in its message.
        FaultsInOrder(
            FaultRoutes.Lead,
            new FaultRule { Kind = FaultKind.Transient, Code = 2 },
            new FaultRule { Kind = FaultKind.MalformedToken });
        var ex = await CallerSeesAsync(Client.RunAsync(Client.Leads.GetLeadAsync(MainPage, failingLead, CancellationToken.None)));

        var proofs = Graph.Requests.Select(r => r.AppSecretProof).OfType<string>().ToList();
        var answers = leads.SelectMany(l => l.FieldData).SelectMany(a => a.Values).Where(v => v.Length >= 6).Distinct().ToList();
        var lines = Client.Logs.GetSnapshot().SelectMany(Texts).ToList();

        Assert.That(lines, Is.Not.Empty);
        Assert.That(proofs, Is.Not.Empty);
        Assert.That(answers, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(ex.Failure.Kind, Is.EqualTo(GraphFailureKind.TokenInvalid));
            Assert.That(ex.Failure.Message, Does.Contain("Malformed access token").And.Not.Contain(PageToken));
            Assert.That(lines, Has.None.Contains(PageToken));
            Assert.That(lines, Has.None.Contains(AppSecret));
            Assert.That(lines, Has.None.Contains("appsecret_proof"));
            Assert.That(lines, Has.None.Contains("input_token"));
            Assert.That(lines, Has.None.Contains("?"), "no query string is logged");
            Assert.That(lines, Has.None.Contains("Hello from LeadOps"), "no message text");
            foreach (var answer in answers)
            {
                Assert.That(lines, Has.None.Contains(answer), "no lead answers");
            }

            foreach (var proof in proofs)
            {
                Assert.That(lines, Has.None.Contains(proof));
            }
        });
    }

    /// <summary>Eight calls: me, leadgen_forms, two pages of leads, one lead, subscribed_apps (read and write), a message.</summary>
    private async Task<List<FacebookLeadData>> CallEveryPageEndpointAsync()
    {
        var none = CancellationToken.None;
        var now = Clock.GetUtcNow();
        var ids = Graph.SubmitLeads(Form, 30, now.AddHours(-1));
        var leads = new List<FacebookLeadData>();

        await Client.Pages.GetPageAsync(PageToken, none);
        await Client.Pages.GetLeadFormsAsync(MainPage, none);
        await foreach (var page in Client.Leads.GetLeadPagesAsync(MainPage, Form, now.AddDays(-1), null, none))
        {
            leads.AddRange(page);
        }

        leads.Add(await Client.Leads.GetLeadAsync(MainPage, ids[0], none));
        await Client.Pages.GetSubscribedFieldsAsync(MainPage, none);
        await Client.Pages.SubscribeAsync(MainPage, ["leadgen", "messages"], none);
        await Client.Messenger.SendTextAsync(MainPage, SandboxSeed.CustomerWroteOneHourAgoPsid, "Hello from LeadOps", MessengerMessagingType.Response, null, none);

        Assert.That(leads.Select(l => l.Id).Distinct().Count(), Is.EqualTo(30), "two pages of leads");
        return leads;
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
