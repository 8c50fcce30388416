using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// Graph's ids are 64-bit numbers, and Meta's leadgen samples print them as JSON numbers: a lead id above 2^53
/// (9007199254740992) has no exact double, so a reader that takes the number through one (JavaScript, a lenient parser)
/// stores a neighbouring id (1234567890123456001 reads back as 1234567890123456000). The sandbox mints 19-digit lead ids
/// here (<see cref="SandboxOptions.LeadIdBase"/>): each lead is kept digit for digit, by webhook with its ids as numbers
/// or as strings, in a batch, and by a retrieval over the <c>leads</c> edge, and the two paths meet on the same lead.
/// </summary>
public sealed class LeadIdsBeyondDoublesTests(DatabaseKind database) : AppFixture(database)
{
    private const long IdBase = 1_234_567_890_123_456_000;

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0, LeadIdBase = IdBase });

    [Test]
    public async Task A_lead_announced_with_a_19_digit_id_as_a_json_number_is_stored_under_that_id_once()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken);
        Graph.Options.WebhookIdsAsNumbers = true;
        var leadId = Graph.SubmitLeads(SandboxSeed.MainTestRideFormId, 1)[0];
        await Graph.WhenWebhooksDrainedAsync();
        await App.DrainAsync();
        Graph.Options.WebhookIdsAsNumbers = false;
        var sent = Graph.WebhookDeliveries[^1].Body;
        var value = JsonDocument.Parse(sent).RootElement.GetProperty("entry")[0].GetProperty("changes")[0].GetProperty("value");
        var fromNumbers = (await LeadgenDeliveries.StoredAsync(api, leadId)).Select(l => l.GetProperty("facebook_lead_id").GetString()).ToList();

        var replayedAsStrings = LeadgenDeliveries.Body([(SandboxSeed.MainPageId, SandboxSeed.MainTestRideFormId, leadId)]);
        var lead = await LeadgenDeliveries.DeliveredTwiceAsync(App, api, leadId, replayedAsStrings);
        Assert.Multiple(() =>
        {
            Assert.That(long.Parse(leadId, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(1L << 53), "an id no double holds");
            Assert.That(value.GetProperty("leadgen_id").ValueKind, Is.EqualTo(JsonValueKind.Number), "the sandbox sent the id as Meta's sample does");
            Assert.That(value.GetProperty("leadgen_id").GetRawText(), Is.EqualTo(leadId));
            Assert.That(fromNumbers, Is.EqualTo(new[] { leadId }), "stored from the webhook that wrote its ids as numbers, before any replay");
            Assert.That(lead.GetProperty("facebook_lead_id").GetString(), Is.EqualTo(leadId), "digit for digit");
            Assert.That(lead.GetProperty("source").GetString(), Is.EqualTo("webhook"));
        });
    }

    [Test]
    public async Task A_batch_of_19_digit_ids_as_numbers_in_several_entries_and_changes_stores_every_lead_once()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.ExpiringTokenPageToken);
        Graph.Options.WebhookIdsAsNumbers = true;
        var deliveriesBefore = Graph.WebhookDeliveries.Count;
        var leadIds = Graph.SubmitLeadsInOneDelivery(
            SandboxSeed.MainTestRideFormId, SandboxSeed.MainServiceFormId, SandboxSeed.ExpiringTokenFormId, SandboxSeed.MainTestRideFormId);
        await Graph.WhenWebhooksDrainedAsync();
        await App.DrainAsync();
        Graph.Options.WebhookIdsAsNumbers = false;
        var batch = JsonDocument.Parse(Graph.WebhookDeliveries.Skip(deliveriesBefore).Single(d => d.Field == "leadgen").Body).RootElement;
        await LeadgenDeliveries.PostAsync(App, batch.GetRawText());

        var stored = new List<string?>();
        foreach (var id in leadIds)
        {
            stored.AddRange((await LeadgenDeliveries.StoredAsync(api, id)).Select(l => l.GetProperty("facebook_lead_id").GetString()));
        }

        Assert.Multiple(() =>
        {
            Assert.That(batch.GetProperty("entry").GetArrayLength(), Is.EqualTo(2), "an entry a page");
            Assert.That(batch.GetProperty("entry")[0].GetProperty("changes").GetArrayLength(), Is.EqualTo(3), "a change a lead");
            Assert.That(stored, Is.EqualTo(leadIds), "every lead once, under its own id");
        });
    }

    [Test]
    public async Task A_retrieval_over_the_leads_edge_keeps_19_digit_ids_and_meets_the_webhooks_lead()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        Graph.Options.WebhookIdsAsNumbers = true;
        var announced = Graph.SubmitLeads(SandboxSeed.MainServiceFormId, 1)[0];
        await Graph.WhenWebhooksDrainedAsync();
        await App.DrainAsync();
        Graph.Options.WebhookIdsAsNumbers = false;
        Graph.AddLeads(SandboxSeed.MainServiceFormId, 30, DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddDays(-1));

        var body = await RetrievalApiTests.RetrieveAsync(api, SandboxSeed.MainServiceFormId, integrationId);

        var processed = body.GetProperty("data").GetProperty("processed_leads").EnumerateArray()
            .Select(p => (Id: p.GetProperty("facebook_lead_id").GetString()!, Status: p.GetProperty("status").GetString())).ToList();
        var stored = (await api.GetFromJsonAsync<JsonElement>($"/api/leads?form_id={SandboxSeed.MainServiceFormId}&page_size=100"))
            .GetProperty("leads").EnumerateArray().Select(l => l.GetProperty("facebook_lead_id").GetString()!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(processed, Has.Count.EqualTo(Graph.LeadCount(SandboxSeed.MainServiceFormId)).And.Count.GreaterThan(25), "more than a page of the edge, every lead");
            Assert.That(processed.Where(p => p.Id == announced).Select(p => p.Status), Is.EqualTo(new[] { "existing" }), "the webhook's lead, met by its id");
            Assert.That(processed.Count(p => p.Status == "created"), Is.EqualTo(processed.Count - 1), "the rest are new to this user");
            Assert.That(processed.Select(p => p.Id), Is.All.Length.EqualTo(19).And.All.StartsWith("1234567890123456"), "19 digits, as minted");
            Assert.That(stored, Is.EquivalentTo(processed.Select(p => p.Id)), "stored once each, under the ids Graph listed");
        });
    }
}
