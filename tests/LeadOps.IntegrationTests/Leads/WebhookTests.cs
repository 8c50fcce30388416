using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LeadOps.Domain.Common;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Leads;

public sealed class WebhookTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [Test]
    public async Task Verification_echoes_the_challenge_only_for_the_right_token()
    {
        using var client = App.NewClient();
        var ok = await client.GetAsync("/webhook?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=12345");
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await ok.Content.ReadAsStringAsync(), Is.EqualTo("12345"));
        Assert.That(ok.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/plain"));

        var wrong = await client.GetAsync("/webhook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=12345");
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_lead_submitted_on_facebook_arrives_by_webhook_once_even_when_delivered_twice()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken);

        var ids = Graph.SubmitLeads(SandboxSeed.MainTestRideFormId, 1);
        await Graph.WhenWebhooksDrainedAsync();
        await App.DrainAsync();
        var body = Graph.WebhookDeliveries[^1].Body;
        using var client = App.NewClient();
        Assert.That((await PostSignedAsync(client, body, Graph.Options.AppSecret)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await App.DrainAsync();

        var leads = await api.GetFromJsonAsync<JsonElement>("/api/leads?source=webhook");
        var matching = leads.GetProperty("leads").EnumerateArray().Where(l => l.GetProperty("facebook_lead_id").GetString() == ids[0]).ToList();
        Assert.That(matching, Has.Count.EqualTo(1));
        Assert.That(matching[0].GetProperty("source").GetString(), Is.EqualTo("webhook"));
    }

    [Test]
    public async Task Ids_sent_as_numbers_and_several_changes_per_delivery_are_all_stored()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken);
        var leadIds = Graph.SubmitLeads(SandboxSeed.MainServiceFormId, 2);
        await Graph.WhenWebhooksDrainedAsync();
        var page = SandboxSeed.MainPageId;
        var form = SandboxSeed.MainServiceFormId;
        var json =
            "{\"object\":\"page\",\"entry\":[{\"id\":" + page + ",\"time\":1438292065,\"changes\":[" +
            "{\"field\":\"leadgen\",\"value\":{\"leadgen_id\":" + leadIds[0] + ",\"page_id\":" + page + ",\"form_id\":" + form + ",\"created_time\":1440120384}}," +
            "{\"field\":\"leadgen\",\"value\":{\"leadgen_id\":\"" + leadIds[1] + "\",\"page_id\":\"" + page + "\",\"form_id\":\"" + form + "\"}}]}]}";
        using var client = App.NewClient();
        Assert.That((await PostSignedAsync(client, json, Graph.Options.AppSecret)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await App.DrainAsync();

        var stored = (await api.GetFromJsonAsync<JsonElement>($"/api/leads?form_id={SandboxSeed.MainServiceFormId}")).GetProperty("leads").EnumerateArray()
            .Select(l => l.GetProperty("facebook_lead_id").GetString()).ToList();
        Assert.That(stored, Is.SupersetOf(leadIds));
        Assert.That(stored.Count(id => id == leadIds[0]), Is.EqualTo(1));
    }

    [Test]
    public async Task A_leadgen_change_without_a_form_id_is_stored_under_graphs_form_with_its_name()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken);
        Graph.Options.WebhookDropRate = 1; // only the delivery below reaches the app
        var leadId = Graph.SubmitLeads(SandboxSeed.MainServiceFormId, 1)[0];
        await Graph.WhenWebhooksDrainedAsync();
        Graph.Options.WebhookDropRate = 0;
        var page = SandboxSeed.MainPageId;
        var json = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + page + "\",\"time\":1438292065,\"changes\":[" +
            "{\"field\":\"leadgen\",\"value\":{\"leadgen_id\":\"" + leadId + "\",\"page_id\":\"" + page + "\",\"created_time\":1440120384}}]}]}";
        using var client = App.NewClient();
        Assert.That((await PostSignedAsync(client, json, Graph.Options.AppSecret)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await App.DrainAsync();

        var forms = await api.GetFromJsonAsync<JsonElement>("/api/integrations");
        var formName = forms.GetProperty("integrations")[0].GetProperty("forms").EnumerateArray()
            .Single(f => f.GetProperty("id").GetString() == SandboxSeed.MainServiceFormId).GetProperty("name").GetString();
        var stored = (await api.GetFromJsonAsync<JsonElement>("/api/leads?source=webhook")).GetProperty("leads").EnumerateArray()
            .Where(l => l.GetProperty("facebook_lead_id").GetString() == leadId).ToList();
        Assert.That(stored, Has.Count.EqualTo(1), "the lead is stored once");
        Assert.Multiple(() =>
        {
            Assert.That(stored[0].GetProperty("form_id").GetString(), Is.EqualTo(SandboxSeed.MainServiceFormId));
            Assert.That(stored[0].GetProperty("form_name").GetString(), Is.EqualTo(formName).And.Not.Null);
        });
    }

    [TestCase("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [TestCase("")]
    [TestCase("sha1=abc")]
    public async Task A_bad_signature_is_401_and_nothing_is_stored(string signature)
    {
        var before = await DeliveryCountAsync();
        using var client = App.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhook") { Content = new StringContent("{\"object\":\"page\",\"entry\":[]}", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature);
        Assert.That((await client.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await DeliveryCountAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_tampered_body_is_401()
    {
        var before = await DeliveryCountAsync();
        using var client = App.NewClient();
        var body = "{\"object\":\"page\",\"entry\":[]}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhook") { Content = new StringContent(body.Replace("[]", "[{}]", StringComparison.Ordinal), Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", Sign(body, Graph.Options.AppSecret));
        Assert.That((await client.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await DeliveryCountAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Malformed_json_is_400_and_a_body_over_16_MB_is_413_and_nothing_is_stored()
    {
        var before = await DeliveryCountAsync();
        using var client = App.NewClient();
        Assert.That((await PostSignedAsync(client, "{\"object\":\"page\",", Graph.Options.AppSecret)).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var huge = "{\"object\":\"page\",\"pad\":\"" + new string('x', 16 * 1024 * 1024) + "\"}";
        Assert.That((await PostSignedAsync(client, huge, Graph.Options.AppSecret)).StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await DeliveryCountAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_batch_of_a_thousand_long_messenger_messages_is_accepted_and_stored_whole()
    {
        // Meta batches up to 1000 updates in one delivery; 1000 texts of 2000 characters, escaped, pass 1 MB several times.
        var text = string.Concat(Enumerable.Repeat("\\u00e7", 2000));
        var events = string.Join(",", Enumerable.Range(1, 1000).Select(i =>
            $$$"""{"sender":{"id":"7300000000{{{i:D6}}}"},"recipient":{"id":"999000222"},"timestamp":1733400000000,"message":{"mid":"m_batch_{{{i}}}","text":"{{{text}}}"}}"""));
        var body = $$$"""{"object":"page","entry":[{"id":"999000222","time":1733400000000,"messaging":[{{{events}}}]}]}""";
        Assert.That(Encoding.UTF8.GetByteCount(body), Is.GreaterThan(8 * 1024 * 1024), "a batch well past the old 1 MB limit");

        var before = await DeliveryCountAsync();
        using var client = App.NewClient();
        Assert.That((await PostSignedAsync(client, body, Graph.Options.AppSecret)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await DeliveryCountAsync(), Is.EqualTo(before + 1), "the whole batch is stored as one delivery");
    }

    [Test]
    public async Task A_page_no_integration_knows_is_kept_and_reported_not_retried()
    {
        var json = """{"object":"page","entry":[{"id":"999000111","time":1,"changes":[{"field":"leadgen","value":{"leadgen_id":"42","page_id":"999000111","form_id":"7"}}]}]}""";
        using var client = App.NewClient();
        Assert.That((await PostSignedAsync(client, json, Graph.Options.AppSecret)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await App.DrainAsync();

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadOps.Infrastructure.Persistence.LeadOpsDbContext>();
        var delivery = await db.WebhookDeliveries.OrderByDescending(d => d.Id).FirstAsync(d => d.UnknownPageIds != null);
        Assert.That(delivery.Status, Is.EqualTo(LeadOps.Domain.Common.WebhookDeliveryStatus.Unroutable));
        Assert.That(delivery.UnknownPageIds, Is.EqualTo("999000111"));
        Assert.That(delivery.Attempts, Is.EqualTo(1));
    }

    [Test]
    public async Task Metrics_are_exposed_in_prometheus_text_to_the_operator_key_only()
    {
        using var anonymous = App.NewClient();
        Assert.That((await anonymous.GetAsync("/metrics")).StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));

        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        Assert.That((await api.GetAsync("/metrics")).StatusCode, Is.Not.EqualTo(HttpStatusCode.OK), "a staff member's key shows no metrics (they span every user)");
        using var monitoring = App.OperatorClient();
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        Assert.That(await monitoring.GetStringAsync("/metrics"), Does.Contain("# TYPE"), "the exporter answers (and starts listening to the meters)");
        Graph.SubmitLeads(SandboxSeed.MainArchivedFormId, 1);
        await Graph.WhenWebhooksDrainedAsync();
        await App.DrainAsync();
        await api.PostAsJsonAsync("/api/facebook-lead-retrieval", new { form_id = SandboxSeed.MainArchivedFormId, integration_id = integrationId });

        // The exporter turns meter measurements into Prometheus series on its own thread: wait (bounded) for them.
        var text = string.Empty;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!timeout.IsCancellationRequested && !(text.Contains("leadops_webhook_events", StringComparison.Ordinal) && text.Contains("leadops_leads_existing", StringComparison.Ordinal)))
        {
            text = await monitoring.GetStringAsync("/metrics");
            await Task.Delay(100, CancellationToken.None);
        }

        Assert.That(text, Does.Contain("leadops_webhook_events").And.Contain("leadops_leads_created").And.Contain("leadops_leads_existing"));
    }

    internal static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, string body, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", Sign(body, secret));
        return client.SendAsync(request);
    }

    private static string Sign(string body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private async Task<int> DeliveryCountAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LeadOps.Infrastructure.Persistence.LeadOpsDbContext>().WebhookDeliveries.CountAsync();
    }
}
