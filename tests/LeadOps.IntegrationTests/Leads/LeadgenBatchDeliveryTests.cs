using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// Leads announced as Meta batches updates (graph-api/webhooks: one POST may hold up to 1000): the sandbox's own delivery
/// (<see cref="SandboxState.SubmitLeadsInOneDelivery"/>) holds an entry per page, each with several <c>leadgen</c> changes,
/// and reaches the real app signed. Every lead is stored once with its answers, and a replay of the same delivery changes
/// nothing.
/// </summary>
public sealed class LeadgenBatchDeliveryTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [Test]
    public async Task One_delivery_with_entries_of_two_pages_and_several_changes_stores_every_lead_once()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.ExpiringTokenPageToken);
        var deliveriesBefore = Graph.WebhookDeliveries.Count;

        var ids = Graph.SubmitLeadsInOneDelivery(
            SandboxSeed.MainTestRideFormId, SandboxSeed.ExpiringTokenFormId, SandboxSeed.MainServiceFormId, SandboxSeed.MainTestRideFormId);
        await Graph.WhenWebhooksDrainedAsync();
        await App.DrainAsync();

        var delivery = Graph.WebhookDeliveries.Skip(deliveriesBefore).Single(d => d.Field == "leadgen");
        using (var body = JsonDocument.Parse(delivery.Body))
        {
            var entries = body.RootElement.GetProperty("entry").EnumerateArray().Select(e =>
                e.GetProperty("id").GetString() + ":" + string.Join(",", e.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("value").GetProperty("leadgen_id").GetString())));
            Assert.That(entries, Is.EqualTo(new[]
            {
                $"{SandboxSeed.MainPageId}:{ids[0]},{ids[2]},{ids[3]}",
                $"{SandboxSeed.ExpiringTokenPageId}:{ids[1]}",
            }), "one delivery: an entry per page, a change per lead");
        }

        await LeadgenDeliveries.PostAsync(App, delivery.Body); // Meta may deliver the same batch again

        var stored = (await api.GetFromJsonAsync<JsonElement>("/api/leads?source=webhook")).GetProperty("leads").EnumerateArray().ToList();
        foreach (var id in ids)
        {
            var copies = stored.Where(l => l.GetProperty("facebook_lead_id").GetString() == id).ToList();
            Assert.That(copies, Has.Count.EqualTo(1), $"lead {id} is stored once");
            var lead = await api.GetFromJsonAsync<JsonElement>($"/api/leads/{copies[0].GetProperty("id").GetInt64()}");
            Assert.That(lead.GetProperty("answers").GetArrayLength(), Is.GreaterThan(0), $"lead {id} has its answers");
            Assert.That(await LeadgenDeliveries.WelcomesAsync(App, user, id), Is.EqualTo(1), $"lead {id} is welcomed once, never twice");
        }

        Assert.That(await LeadgenDeliveries.UnfinishedDeliveriesAsync(App), Is.Zero, "both deliveries are worked off");
    }
}
