using System.Net;
using System.Security.Cryptography;
using System.Text;
using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// Leadgen bodies and lead answers as public projects keep them in their test scripts and fixtures, posted signed to
/// /webhook over the real app with the sandbox as Graph: each lead is stored once, with what Graph says of it, welcomed
/// once, and every delivery is worked off.
/// </summary>
public sealed class CollectedLeadgenSamplesTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    /// <summary>
    /// Goyal-co/CRM_server, <c>test-webhook-curl.bat</c> ("Testing Facebook Leadgen Webhook Format"): the keys in another order than
    /// Meta's sample, each change's <c>value</c> before its <c>field</c> and <c>object</c> last, after <c>entry</c>.
    /// </summary>
    [Test]
    public async Task A_body_with_value_before_field_and_object_last_is_stored_once()
    {
        var (user, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainServiceFormId);
        var body = $$$"""
            {"entry":[{"id":"{{{SandboxSeed.MainPageId}}}","time":1751736582,"changes":[{"value":{"adgroup_id":"6798698439993","ad_id":"6798698439993","created_time":1751736579,"leadgen_id":"{{{leadId}}}","page_id":"{{{SandboxSeed.MainPageId}}}","form_id":"{{{SandboxSeed.MainServiceFormId}}}"},"field":"leadgen"}]}],"object":"page"}
            """;

        var lead = await LeadgenDeliveries.DeliveredTwiceAsync(App, api, leadId, body);

        var welcomes = await LeadgenDeliveries.WelcomesAsync(App, user, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(lead.GetProperty("form_id").GetString(), Is.EqualTo(SandboxSeed.MainServiceFormId));
            Assert.That(welcomes, Is.EqualTo(1));
        });
    }

    /// <summary>
    /// johnEthicalTechnology/aecc-global-fb-integration, <c>testData.js</c> (<c>testLeadgenData</c>): a list of bare leadgen changes,
    /// <c>[{"field":"leadgen","value":{…,"leadgen_id":0,…}}, …]</c>, with no <c>object</c> or <c>entry</c> and the lead ids as JSON
    /// numbers. Each lead the list names is stored once, however often the list comes.
    /// </summary>
    [Test]
    public async Task A_list_of_bare_leadgen_changes_with_numeric_ids_stores_each_lead_once()
    {
        var (user, api, first) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainServiceFormId);
        Graph.Options.WebhookDropRate = 1;
        var second = Graph.SubmitLeads(SandboxSeed.MainServiceFormId, 1)[0];
        await Graph.WhenWebhooksDrainedAsync();
        Graph.Options.WebhookDropRate = 0;
        var (page, form) = (SandboxSeed.MainPageId, SandboxSeed.MainServiceFormId);
        var body = $$$"""
            [
              {"field": "leadgen", "value": {"ad_id": "444444444", "form_id": "{{{form}}}", "leadgen_id": {{{first}}}, "created_time": 1588890044, "page_id": "{{{page}}}", "adgroup_id": "44444444444"}},
              {"field": "leadgen", "value": {"ad_id": "444444444", "form_id": "{{{form}}}", "leadgen_id": {{{second}}}, "created_time": 1588890044, "page_id": "{{{page}}}", "adgroup_id": "44444444444"}}
            ]
            """;

        await LeadgenDeliveries.PostAsync(App, body);
        await LeadgenDeliveries.PostAsync(App, body);

        var stored = new[] { (await LeadgenDeliveries.StoredAsync(api, first)).Count, (await LeadgenDeliveries.StoredAsync(api, second)).Count };
        var welcomes = await LeadgenDeliveries.WelcomesAsync(App, user, first) + await LeadgenDeliveries.WelcomesAsync(App, user, second);
        var unfinished = await LeadgenDeliveries.UnfinishedDeliveriesAsync(App);
        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EqualTo(new[] { 1, 1 }), "each of the two leads, once");
            Assert.That(welcomes, Is.EqualTo(2), "each welcomed once");
            Assert.That(unfinished, Is.Zero);
        });
    }

    /// <summary>
    /// haqnawaz99/Quran-Backend-Haris, <c>utils/data.js</c>: leads as a form's <c>leads</c> edge answered them, with every ad field
    /// (<c>ad_name</c>, <c>adset_name</c>, <c>campaign_name</c> all "ZC - Promotion - O"), <c>platform</c> "fb", <c>is_organic</c>
    /// false and a phone number with a country code. The lead a webhook announces is stored with all of it.
    /// </summary>
    [Test]
    public async Task A_lead_with_every_ad_field_keeps_its_ad_set_and_campaign()
    {
        const string Names = "ZC - Promotion - O";
        var (user, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainServiceFormId, new SandboxLead
        {
            IsOrganic = false, Platform = "fb", AdName = Names, AdsetName = Names, CampaignName = Names,
            Answers = new Dictionary<string, IReadOnlyList<string>>
            {
                ["email"] = ["muhammad@example.com"], ["phone_number"] = ["+923023729184"], ["full_name"] = ["Shazad Rana"],
            },
        });
        var body = LeadgenDeliveries.Body([(SandboxSeed.MainPageId, SandboxSeed.MainServiceFormId, leadId)]);

        var lead = await LeadgenDeliveries.DeliveredTwiceAsync(App, api, leadId, body);

        var welcomes = await LeadgenDeliveries.WelcomesAsync(App, user, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(lead.GetProperty("ad_name").GetString(), Is.EqualTo(Names));
            Assert.That(lead.GetProperty("adset_name").GetString(), Is.EqualTo(Names));
            Assert.That(lead.GetProperty("campaign_name").GetString(), Is.EqualTo(Names));
            Assert.That(lead.GetProperty("campaign_id").GetString(), Is.Not.Empty);
            Assert.That(lead.GetProperty("is_organic").GetBoolean(), Is.False);
            Assert.That(lead.GetProperty("platform").GetString(), Is.EqualTo("fb"));
            Assert.That(lead.GetProperty("phone").GetString(), Is.EqualTo("+923023729184"));
            Assert.That(lead.GetProperty("name").GetString(), Is.EqualTo("Shazad Rana"));
            Assert.That(welcomes, Is.EqualTo(1));
        });
    }

    /// <summary>
    /// Goyal-co/CRM_server, <c>test-webhook-curl.bat</c>, posts its leadgen body as Meta's servers do, with <c>User-Agent: Webhooks/1.0
    /// (https://fb.me/webhooks)</c>, and with the older <c>X-Hub-Signature: sha1=…</c> beside <c>X-Hub-Signature-256</c> (its sha1 a
    /// placeholder, <c>sha1=test-signature</c>). The SHA-256 signature decides: the body is taken and its lead stored once.
    /// </summary>
    [Test]
    public async Task A_body_signed_with_sha256_and_a_wrong_sha1_beside_it_is_taken()
    {
        var (_, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainServiceFormId);
        var body = LeadgenDeliveries.Body([(SandboxSeed.MainPageId, SandboxSeed.MainServiceFormId, leadId)]);
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Graph.Options.AppSecret), Encoding.UTF8.GetBytes(body)));
        using var client = App.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("User-Agent", "Webhooks/1.0 (https://fb.me/webhooks)");
        request.Headers.TryAddWithoutValidation("X-Hub-Signature", "sha1=test-signature");
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature);

        using var response = await client.SendAsync(request);
        await App.DrainAsync();

        var stored = await LeadgenDeliveries.StoredAsync(api, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(stored, Has.Count.EqualTo(1));
        });
    }

    /// <summary>
    /// johnEthicalTechnology/aecc-global-fb-integration, <c>testData.js</c>: its first change names lead <c>0</c> (<c>"leadgen_id": 0</c>),
    /// which no Graph lead is. Beside a real lead in the same list, the real one is stored and welcomed once, lead 0 is not stored,
    /// the delivery is answered 200 and worked off, not retried for ever.
    /// </summary>
    [Test]
    public async Task A_change_naming_lead_0_costs_nothing_to_the_real_lead_beside_it()
    {
        var (user, api, leadId) = await LeadgenDeliveries.ConnectedWithSilentLeadAsync(App, SandboxSeed.MainServiceFormId);
        var (page, form) = (SandboxSeed.MainPageId, SandboxSeed.MainServiceFormId);
        var body = $$$"""
            [
              {"field": "leadgen", "value": {"ad_id": "444444444", "form_id": "{{{form}}}", "leadgen_id": 0, "created_time": 1588890044, "page_id": "{{{page}}}", "adgroup_id": "44444444444"}},
              {"field": "leadgen", "value": {"ad_id": "444444444", "form_id": "{{{form}}}", "leadgen_id": {{{leadId}}}, "created_time": 1588890044, "page_id": "{{{page}}}", "adgroup_id": "44444444444"}}
            ]
            """;

        var lead = await LeadgenDeliveries.DeliveredTwiceAsync(App, api, leadId, body);

        var zero = await LeadgenDeliveries.StoredAsync(api, "0");
        var welcomes = await LeadgenDeliveries.WelcomesAsync(App, user, leadId);
        Assert.Multiple(() =>
        {
            Assert.That(lead.GetProperty("form_id").GetString(), Is.EqualTo(form));
            Assert.That(zero, Is.Empty, "no lead 0");
            Assert.That(welcomes, Is.EqualTo(1));
        });
    }
}
