using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// Lead Ads answers in shapes Meta's own pages print that the other suites do not send: each retrieval or webhook keeps
/// every lead once, whole, and ends as it should.
/// </summary>
public sealed class LeadAdsWireTests(DatabaseKind database) : AppFixture(database)
{
    /// <summary>The not-subscribed page sends no webhooks: what is stored here, retrieval stored.</summary>
    private static readonly string ServiceForm = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId)[1];

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    /// <summary>
    /// Graph's "Paginated Results" (graph-api/results) prints, beside cursors, a time-based form of <c>paging</c>: no
    /// <c>cursors</c>, <c>"previous": "…?limit=25&amp;since=1364849754"</c> and <c>"next": "…?limit=25&amp;until=1364587774"</c>
    /// (Graph adds its <c>__paging_token</c>). A leads edge paged so is followed by its next URL to the end: every lead of
    /// the form is stored once, and the run succeeds.
    /// </summary>
    [Test]
    public async Task A_leads_edge_paged_by_time_is_followed_to_its_end_and_every_lead_is_stored()
    {
        var (api, integrationId) = await ConnectedUserAsync();
        Graph.AddLeads(ServiceForm, 60, DateTimeOffset.UtcNow.AddDays(-3), DateTimeOffset.UtcNow.AddDays(-2));
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Leads, FormId = ServiceForm, Kind = FaultKind.TimeBasedPaging });
        var seen = Graph.Requests.Count;

        var body = await RetrievalApiTests.RetrieveAsync(api, ServiceForm, integrationId);

        var run = (await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs")[0];
        var calls = Graph.Requests.Skip(seen).Where(r => r.Path.EndsWith($"/{ServiceForm}/leads", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("data").GetProperty("new_leads").GetInt32(), Is.EqualTo(Graph.LeadCount(ServiceForm)), "every lead of the form");
            Assert.That(run.GetProperty("outcome").GetString(), Is.EqualTo("Succeeded"));
            Assert.That(calls, Has.Count.GreaterThan(2), "the form took more than one page");
            Assert.That(calls.Skip(1).All(c => c.QueryString.Contains("__paging_token=", StringComparison.Ordinal)), Is.True, "each next page asked where Graph's next URL said");
        });
    }

    /// <summary>
    /// The page's lead forms listed in the same time-based form (<c>leadgen_forms</c> is an edge like any other): every form
    /// of a page with more forms than one page holds is on the integration once it is connected.
    /// </summary>
    [Test]
    public async Task A_forms_listing_paged_by_time_lists_every_form_of_the_page()
    {
        var added = Enumerable.Range(1, 110).Select(i => Graph.AddForm(SandboxSeed.NotSubscribedPageId, $"Campaign form {i}")).ToList();
        Graph.SetFault(new FaultRule { Route = FaultRoutes.LeadgenForms, PageId = SandboxSeed.NotSubscribedPageId, Kind = FaultKind.TimeBasedPaging });
        var seen = Graph.Requests.Count;

        var (api, integrationId) = await ConnectedUserAsync();

        var forms = (await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{integrationId}")).GetProperty("forms").EnumerateArray()
            .Select(f => f.GetProperty("id").GetString()).ToList();
        var calls = Graph.Requests.Skip(seen).Where(r => r.Path.EndsWith($"/{SandboxSeed.NotSubscribedPageId}/leadgen_forms", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(forms, Is.SupersetOf(added.Concat(SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId))), "every form of the page");
            Assert.That(forms, Is.Unique);
            Assert.That(calls.Any(c => c.QueryString.Contains("__paging_token=", StringComparison.Ordinal)), Is.True, "the next page was asked where Graph's next URL said");
        });
    }

    /// <summary>
    /// "Retrieving Leads" (marketing-api/guides/lead-ads/retrieving), Bulk Read, prints the <c>leads</c> page with a comma after
    /// the last answer of <c>field_data</c> (<c>…["joe@example.com"]},],</c>). The page's forms listed and its leads read in that
    /// form (the sandbox's <c>FaultKind.TrailingCommas</c>, a comma after every list's last item) are read whole: every form
    /// is on the integration, every lead of the form is stored with its answers, and the run succeeds.
    /// </summary>
    [Test]
    public async Task A_forms_listing_and_leads_pages_written_with_trailing_commas_as_the_guide_prints_them_are_read_whole()
    {
        Graph.AddLeads(ServiceForm, 30, DateTimeOffset.UtcNow.AddDays(-3), DateTimeOffset.UtcNow.AddDays(-2));
        Graph.SetFault(new FaultRule { Route = FaultRoutes.LeadgenForms, PageId = SandboxSeed.NotSubscribedPageId, Kind = FaultKind.TrailingCommas });
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Leads, FormId = ServiceForm, Kind = FaultKind.TrailingCommas });

        var (api, integrationId) = await ConnectedUserAsync();
        var body = await RetrievalApiTests.RetrieveAsync(api, ServiceForm, integrationId);

        var forms = (await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{integrationId}")).GetProperty("forms").EnumerateArray()
            .Select(f => f.GetProperty("id").GetString()).ToList();
        var run = (await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs")[0];
        var first = body.GetProperty("data").GetProperty("processed_leads")[0].GetProperty("lead_id").GetInt64();
        var lead = await api.GetFromJsonAsync<JsonElement>($"/api/leads/{first}");
        Assert.Multiple(() =>
        {
            Assert.That(forms, Is.SupersetOf(SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId)), "every form of the page");
            Assert.That(body.GetProperty("data").GetProperty("new_leads").GetInt32(), Is.EqualTo(Graph.LeadCount(ServiceForm)), "every lead of the form");
            Assert.That(run.GetProperty("outcome").GetString(), Is.EqualTo("Succeeded"));
            Assert.That(lead.GetProperty("answers").GetArrayLength(), Is.GreaterThan(0), "the answers, whole");
            Assert.That(Graph.Faults.All(f => f.Fired > 0), Is.True, "both answers came with the commas");
        });
    }

    /// <summary>
    /// A leadgen change announcing its created_time as an ISO time without an offset (<c>"2025-01-02T10:10:10"</c>, as
    /// software other than Graph writes one) for a lead whose Graph answer has no created_time: the lead is dated by the
    /// announced time, read as UTC as Graph's times are, and not by when LeadOps first saw it.
    /// </summary>
    [Test]
    public async Task A_change_announcing_an_iso_created_time_without_offset_dates_the_lead_by_it()
    {
        var (_, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(
            App, SandboxSeed.MainServiceFormId, new SandboxLead { CreatedTimeAs = CreatedTimeForm.Missing });
        var body = $$$"""
            {"object":"page","entry":[{"id":"{{{SandboxSeed.MainPageId}}}","time":1735812610,"changes":[{"field":"leadgen","value":
              {"leadgen_id":"{{{leadId}}}","page_id":"{{{SandboxSeed.MainPageId}}}","form_id":"{{{SandboxSeed.MainServiceFormId}}}","created_time":"2025-01-02T10:10:10"}}]}]}
            """;

        var lead = await LeadgenDeliveries.DeliveredTwiceAsync(App, api, leadId, body);

        Assert.Multiple(() =>
        {
            Assert.That(lead.GetProperty("created_time").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(2025, 1, 2, 10, 10, 10, TimeSpan.Zero)));
            Assert.That(lead.GetProperty("created_time_known").GetBoolean(), Is.True, "the webhook said when");
        });
    }

    /// <summary>
    /// The verification handshake as public receivers' own tests send it: PHP turns the dots of <c>hub.mode</c> into
    /// underscores, so Laravel and Pest suites ask with <c>hub_mode</c>, <c>hub_verify_token</c> and <c>hub_challenge</c>;
    /// n8n's Facebook Lead Ads trigger test (<c>FacebookLeadAdsTrigger.node.test.ts</c>) sends only the challenge and the
    /// token. Each is answered with the challenge as plain text when the token is right, and refused when it is wrong or
    /// when the mode is another than <c>subscribe</c>.
    /// </summary>
    [TestCase("hub_mode=subscribe&hub_verify_token=verify-me&hub_challenge=12345", "12345", TestName = "Verification_with_underscored_names_echoes_the_challenge")]
    [TestCase("hub.challenge=test-challenge&hub.verify_token=verify-me", "test-challenge", TestName = "Verification_without_hub_mode_echoes_the_challenge")]
    [TestCase("hub_mode=subscribe&hub_verify_token=nope&hub_challenge=12345", null, TestName = "Verification_with_underscored_names_and_a_wrong_token_is_refused")]
    [TestCase("hub.mode=unsubscribe&hub.verify_token=verify-me&hub.challenge=12345", null, TestName = "Verification_with_another_mode_is_refused")]
    public async Task The_verification_handshake_is_read_as_public_receivers_send_it(string query, string? echoed)
    {
        using var client = App.NewClient();

        using var response = await client.GetAsync($"/webhook?{query}");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(echoed is null ? System.Net.HttpStatusCode.Forbidden : System.Net.HttpStatusCode.OK), body);
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/plain"));
            if (echoed is not null)
            {
                Assert.That(body, Is.EqualTo(echoed), "the challenge, exactly");
            }
        });
    }

    private async Task<(HttpClient Api, int IntegrationId)> ConnectedUserAsync()
    {
        var api = App.ApiClient(await App.NewUserAsync());
        var integration = await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken);
        return (api, integration.GetProperty("id").GetInt32());
    }
}
