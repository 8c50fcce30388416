using LeadOps.GraphSandbox;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.IntegrationTests.Integrations;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>Honest webhook health: only a lead created after the page's subscription was confirmed can have been missed.</summary>
public sealed class WebhookHealthTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [Test]
    public async Task History_that_a_first_retrieval_backfills_is_not_counted_as_missed_by_the_webhook()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        Graph.AddLeads(SandboxSeed.MainArchivedFormId, 90, DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddDays(-30));

        var backfill = await RetrievalApiTests.RetrieveAsync(api, SandboxSeed.MainArchivedFormId, integrationId);
        Assert.That(backfill.GetProperty("data").GetProperty("new_leads").GetInt32(), Is.EqualTo(90));

        var health = (await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/webhook-health")).GetProperty("integrations")[0];
        Assert.That(health.GetProperty("found_by_retrieval_7_days").GetInt32(), Is.Zero, "history is not a miss");
        Assert.That(health.GetProperty("miss_rate_7_days").GetDouble(), Is.Zero);
        Assert.That(health.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()), Has.None.Contains("missed"));
    }

    [Test]
    public async Task The_sync_history_says_one_lead_not_one_leads()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken);
        Graph.SubmitLeads(SandboxSeed.MainTestRideFormId, 1);
        await Graph.WhenWebhooksDrainedAsync();
        await App.DrainAsync();
        using var browser = await App.SignedInClientAsync(user);

        var history = await browser.GetStringAsync("/Leads/Runs");

        Assert.That(history, Does.Contain("Last 7 days: 1 lead, 0 first found by retrieval").And.Contain("Last 30 days: 1 lead, 0 first found by retrieval"));
    }
}
