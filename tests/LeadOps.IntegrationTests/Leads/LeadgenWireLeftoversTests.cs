using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// What is left of Meta's wire once it has passed through other hands, posted signed to /webhook over the real app with the
/// sandbox as Graph: a lead read whose OAuth refusal lost its JSON body on the way, a lead read a proxy answered with no
/// Graph body at all, and a delivery saved with a byte order mark. The lead is never lost and staff are told why it could not be read.
/// </summary>
public sealed class LeadgenWireLeftoversTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    /// <summary>
    /// Graph refuses an expired token with HTTP 400, its JSON error and <c>WWW-Authenticate: OAuth "Facebook Platform"
    /// "invalid_token" "Error validating access token: Session has expired …"</c> (the header as recorded in daroczig/fbRads issue
    /// #74). A proxy that keeps the status and headers but not the body (<c>FaultKind.OAuthErrorWithoutBody</c>: no body, or an
    /// HTML page) leaves the header to say it: the integration asks for a reconnect (not "HTTP 400 without a Graph error body"), the lead is on the sync
    /// history, and the delivery is not retried for ever.
    /// </summary>
    [TestCase(false, TestName = "A_lead_read_refused_for_an_expired_token_with_no_body_asks_for_a_reconnect_and_keeps_the_lead_on_the_history")]
    [TestCase(true, TestName = "A_lead_read_refused_for_an_expired_token_with_an_html_body_asks_for_a_reconnect_and_keeps_the_lead_on_the_history")]
    public async Task A_lead_read_refused_for_an_expired_token_whose_body_was_lost_asks_for_a_reconnect(bool html)
    {
        var (user, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainServiceFormId);
        var integrationId = (await api.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations").EnumerateArray().Single().GetProperty("id").GetInt64();
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Lead, PageId = SandboxSeed.MainPageId, Kind = FaultKind.OAuthErrorWithoutBody, HtmlBody = html });

        await LeadgenDeliveries.PostAsync(App, Sample(leadId));

        var (integration, history, unfinished) = await LeadgenDeliveries.AfterRefusedReadAsync(App, user, api, integrationId);
        Assert.Multiple(() =>
        {
            Assert.That(Graph.Faults.Single().Fired, Is.GreaterThan(0), "the lead was read and refused");
            Assert.That(integration.GetProperty("status").GetString(), Is.EqualTo("needs_reconnect"));
            Assert.That(integration.GetProperty("last_error").GetString(), Does.Contain("reconnect the page"), "the reason, not an unknown error");
            Assert.That(history, Does.Contain(leadId), "the lead that could not be read is on the sync history");
            Assert.That(unfinished, Is.Zero, "handled, not retried for ever");
        });
    }

    /// <summary>
    /// The same refusal on a retrieval's leads page (<c>GET /{form-id}/leads</c>): the run is refused as a token to renew, not
    /// as an unknown error, and the integration asks for a reconnect.
    /// </summary>
    [Test]
    public async Task A_leads_page_refused_for_an_expired_token_with_no_body_asks_for_a_reconnect()
    {
        var user = await App.NewUserAsync();
        var api = App.ApiClient(user);
        var integrationId = (await Integrations.IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Leads, PageId = SandboxSeed.MainPageId, Kind = FaultKind.OAuthErrorWithoutBody });

        using var response = await api.PostAsJsonAsync("/api/facebook-lead-retrieval", new { form_id = SandboxSeed.MainServiceFormId, integration_id = integrationId });
        var body = await response.Content.ReadAsStringAsync();

        var integration = await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{integrationId}");
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.Not.EqualTo(500), body);
            Assert.That(body, Does.Contain("reconnect the page"));
            Assert.That(integration.GetProperty("status").GetString(), Is.EqualTo("needs_reconnect"));
        });
    }

    /// <summary>
    /// The documented leadgen body saved by an editor that starts the file with a UTF-8 byte order mark (RFC 8259 §8.1: a
    /// parser may ignore it), as sample files kept on Windows often are: the signature is over those bytes, and the body is
    /// read past the mark: the lead is stored and welcomed once.
    /// </summary>
    [Test]
    public async Task A_delivery_that_starts_with_a_byte_order_mark_is_stored_once()
    {
        var (user, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainServiceFormId);

        var lead = await LeadgenDeliveries.DeliveredTwiceAsync(App, api, leadId, "\uFEFF" + Sample(leadId));

        var welcomes = await LeadgenDeliveries.WelcomesAsync(App, user, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(lead.GetProperty("form_id").GetString(), Is.EqualTo(SandboxSeed.MainServiceFormId));
            Assert.That(welcomes, Is.EqualTo(1));
        });
    }

    /// <summary>
    /// A lead read that a proxy in front of Graph answers with a bare 502 (no body at all) or with its own HTML error page
    /// (HTTP 500), on every attempt of the delivery's first try (the client's three): the delivery was answered 200 and is
    /// tried again, and once Graph answers, the lead is stored once with its answers and welcomed once; the integration is
    /// not marked as broken by an outage.
    /// </summary>
    [TestCase(FaultKind.ProxyError, TestName = "A_lead_read_answered_with_a_bare_502_is_tried_again_and_the_lead_stored_once")]
    [TestCase(FaultKind.Http500, TestName = "A_lead_read_answered_with_an_html_500_page_is_tried_again_and_the_lead_stored_once")]
    public async Task A_lead_read_a_proxy_answers_without_a_graph_body_is_tried_again_and_the_lead_stored_once(FaultKind kind)
    {
        var (user, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainServiceFormId);
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Lead, PageId = SandboxSeed.MainPageId, Kind = kind, Status = kind == FaultKind.ProxyError ? 502 : null, Times = 3 });

        await LeadgenDeliveries.PostAsync(App, Sample(leadId)); // answered 200; waits for the delivery's second try

        var stored = await LeadgenDeliveries.StoredAsync(api, leadId);
        Assert.That(stored, Has.Count.EqualTo(1), "the lead is stored, once");
        var lead = await api.GetFromJsonAsync<JsonElement>($"/api/leads/{stored[0].GetProperty("id").GetInt64()}");
        var integration = (await api.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations").EnumerateArray().Single();
        var welcomes = await LeadgenDeliveries.WelcomesAsync(App, user, leadId);
        var unfinished = await LeadgenDeliveries.UnfinishedDeliveriesAsync(App);
        Assert.Multiple(() =>
        {
            Assert.That(Graph.Faults.Single().Fired, Is.EqualTo(3), "every attempt of the first try met the proxy");
            Assert.That(lead.GetProperty("answers").GetArrayLength(), Is.GreaterThan(0), "with its answers");
            Assert.That(welcomes, Is.EqualTo(1));
            Assert.That(unfinished, Is.Zero, "the delivery is worked off");
            Assert.That(integration.GetProperty("status").GetString(), Is.Not.EqualTo("needs_reconnect"));
        });
    }

    /// <summary>The "Webhooks for Leads" sample for one lead of the main page: ids as strings, created_time in seconds.</summary>
    private static string Sample(string leadId) => $$$"""
        {"object":"page","entry":[{"id":"{{{SandboxSeed.MainPageId}}}","time":{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}},"changes":[{"field":"leadgen","value":
        {"leadgen_id":"{{{leadId}}}","page_id":"{{{SandboxSeed.MainPageId}}}","form_id":"{{{SandboxSeed.MainServiceFormId}}}","created_time":{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}}}]}]}
        """;
}
