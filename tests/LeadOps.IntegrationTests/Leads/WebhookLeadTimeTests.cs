using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// A lead announced by webhook whose Graph answer has no readable created_time: it is stored (never lost) at the time
/// the webhook announced, with its ids sent as strings or as numbers.
/// </summary>
public sealed class WebhookLeadTimeTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [TestCase(CreatedTimeForm.Missing, false)]
    [TestCase(CreatedTimeForm.Unreadable, true)]
    public async Task A_webhook_lead_without_a_readable_created_time_in_graph_is_stored_at_the_webhooks_time(CreatedTimeForm form, bool idsAsNumbers)
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken);
        Graph.Options.WebhookIdsAsNumbers = idsAsNumbers;
        var created = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds());
        var leadId = Graph.SubmitLead(SandboxSeed.MainServiceFormId, new SandboxLead { CreatedTimeAs = form, CreatedTime = created });
        await Graph.WhenWebhooksDrainedAsync();
        await App.DrainAsync();
        Graph.Options.WebhookIdsAsNumbers = false;

        var leads = (await api.GetFromJsonAsync<JsonElement>($"/api/leads?form_id={SandboxSeed.MainServiceFormId}")).GetProperty("leads").EnumerateArray()
            .Where(l => l.GetProperty("facebook_lead_id").GetString() == leadId).ToList();
        Assert.That(leads, Has.Count.EqualTo(1), "the lead is stored once");
        var lead = await api.GetFromJsonAsync<JsonElement>($"/api/leads/{leads[0].GetProperty("id").GetInt64()}");
        Assert.Multiple(() =>
        {
            Assert.That(lead.GetProperty("source").GetString(), Is.EqualTo("webhook"));
            Assert.That(lead.GetProperty("created_time").GetDateTimeOffset(), Is.EqualTo(created));
            Assert.That(lead.GetProperty("created_time_known").GetBoolean(), Is.True, "the webhook said when");
        });
    }
}
