using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>The product's promise under the failures it exists for: lost and repeated webhooks, flaky Graph, races.</summary>
public sealed class NoLeadLostTests(DatabaseKind database) : AppFixture(database)
{
    private static readonly string[] Forms = [SandboxSeed.MainTestRideFormId, SandboxSeed.MainServiceFormId, SandboxSeed.MainArchivedFormId];

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new()
    {
        Seed = 7,
        InitialLeadsPerForm = 0,
        WebhookDropRate = 0.3,
        WebhookDuplicateRate = 0.1,
    });

    [Test]
    [Category(TestCategories.Slow)]
    public async Task A_thousand_leads_with_lost_and_repeated_webhooks_and_a_flaky_graph_are_each_stored_once()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        Graph.TransientFaultRate = 0.1;

        var submitted = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            submitted.AddRange(Graph.SubmitLeads(Forms[i % 3], 1));
        }

        await Graph.WhenWebhooksDrainedAsync();
        await App.DrainAsync();
        var byWebhook = await CountAsync(user.Id);
        Assert.That(byWebhook, Is.LessThan(1000), "some webhooks were dropped");

        // The retrieval meets the same 10 % transient faults and a throttle burst.
        Graph.SetFault(new FaultRule { Route = "leads", Kind = FaultKind.Throttle, Code = 80005, EstimatedMinutesToRegainAccess = 0, AfterCalls = 3, Times = 2 });

        var bulk = await api.PostAsJsonAsync("/api/facebook-lead-retrieval/bulk", new { integration_id = integrationId });
        var bulkBody = await bulk.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(bulk.StatusCode, Is.EqualTo(HttpStatusCode.OK), bulkBody.ToString());
        Assert.That(bulkBody.GetProperty("success").GetBoolean(), Is.True, bulkBody.ToString());
        Assert.That(Graph.Faults.Single().Fired, Is.EqualTo(2), "the throttle burst happened during the retrieval");
        Graph.TransientFaultRate = 0;

        Assert.That(await CountAsync(user.Id), Is.EqualTo(1000));
        await using (var scope = App.ScopeFor(user.Id))
        {
            var db = App.Db(scope);
            var stored = await db.Leads.Select(l => l.FacebookLeadId).ToListAsync();
            Assert.That(stored, Is.EquivalentTo(submitted));
            Assert.That(await db.OutboxMessages.CountAsync(), Is.EqualTo(1000), "exactly one welcome row per lead");
            Assert.That(await db.OutboxMessages.Select(o => o.LeadId).Distinct().CountAsync(), Is.EqualTo(1000));
        }

        var again = await (await api.PostAsJsonAsync("/api/facebook-lead-retrieval/bulk", new { integration_id = integrationId })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(again.GetProperty("data").GetProperty("new_leads").GetInt32(), Is.Zero);
        Assert.That(again.GetProperty("data").GetProperty("existing_leads").GetInt32(), Is.EqualTo(1000));

        var health = await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/webhook-health");
        var mine = health.GetProperty("integrations")[0];
        Assert.That(mine.GetProperty("found_by_retrieval_7_days").GetInt32(), Is.EqualTo(1000 - byWebhook));
        Assert.That(mine.GetProperty("warnings").GetArrayLength(), Is.GreaterThan(0));
    }

    [Test]
    public async Task Four_retrievals_at_once_while_the_webhook_replays_store_no_duplicate_and_report_no_error()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        var form = SandboxSeed.MainServiceFormId;
        var ids = Graph.SubmitLeads(form, 120);
        await Graph.WhenWebhooksDrainedAsync();
        var bodies = Graph.WebhookDeliveries.Where(d => d.Field == "leadgen").TakeLast(60).Select(d => d.Body).ToList();

        using var replay = App.NewClient();
        var retrievals = Enumerable.Range(0, 4).Select(_ => api.PostAsJsonAsync("/api/facebook-lead-retrieval", new { form_id = form, integration_id = integrationId })).ToList();
        var replays = bodies.Select(b => WebhookTests.PostSignedAsync(replay, b, Graph.Options.AppSecret)).ToList();
        var drain = App.DrainAsync();
        var responses = await Task.WhenAll(retrievals);
        await Task.WhenAll(replays);
        await drain;
        await App.DrainAsync();

        foreach (var response in responses)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            var data = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data");
            Assert.That(data.TryGetProperty("failed_leads", out _), Is.False, "no lead reported as failed");
        }

        Assert.That(await CountAsync(user.Id), Is.EqualTo(Graph.LeadCount(form)), "every lead on the form, once");
        await using var scope = App.ScopeFor(user.Id);
        var db = App.Db(scope);
        Assert.That(await db.Leads.Where(l => ids.Contains(l.FacebookLeadId)).CountAsync(), Is.EqualTo(ids.Count));
        Assert.That(await db.OutboxMessages.CountAsync(), Is.EqualTo(await db.Leads.CountAsync()));
    }

    [Test]
    public async Task A_token_expiring_mid_pagination_keeps_what_was_stored_and_the_next_run_after_reconnect_completes_the_set()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken)).GetProperty("id").GetInt32();
        var form = SandboxSeed.NotSubscribedFormId;
        Graph.AddLeads(form, 100);
        Graph.SetFault(new FaultRule { Route = "leads", FormId = form, Kind = FaultKind.TokenExpired, AfterCalls = 2, Times = 1 });

        var failed = await api.PostAsJsonAsync("/api/facebook-lead-retrieval", new { form_id = form, integration_id = integrationId });

        Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        var body = await failed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("Failed to fetch leads from Facebook"));
        Assert.That(body.GetProperty("detail").GetString(), Does.Contain("reconnect"));
        var storedSoFar = body.GetProperty("data").GetProperty("new_leads").GetInt32();
        Assert.That(storedSoFar, Is.EqualTo(50), "two pages of 25 were stored before the token expired");
        Assert.That((await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{integrationId}")).GetProperty("status").GetString(), Is.EqualTo("needs_reconnect"));
        await using (var scope = App.ScopeFor(user.Id))
        {
            var watermark = await App.Db(scope).IntegrationForms.Where(f => f.IntegrationId == integrationId && f.FormId == form).Select(f => f.Watermark).SingleAsync();
            Assert.That(watermark, Is.Null, "the watermark does not move past leads that were not stored");
        }

        using var browser = await App.SignedInClientAsync(user);
        var reconnect = await browser.PostFormAsync($"/Integrations/{integrationId}?handler=Reconnect", new Dictionary<string, string> { ["NewToken"] = SandboxSeed.NotSubscribedPageToken }, formPage: $"/Integrations/{integrationId}");
        Assert.That(reconnect.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var next = await RetrievalApiTests.RetrieveAsync(api, form, integrationId);
        Assert.That(next.GetProperty("data").GetProperty("new_leads").GetInt32(), Is.EqualTo(50));
        Assert.That(next.GetProperty("data").GetProperty("existing_leads").GetInt32(), Is.EqualTo(50));
        await using (var scope = App.ScopeFor(user.Id))
        {
            var watermark = await App.Db(scope).IntegrationForms.Where(f => f.IntegrationId == integrationId && f.FormId == form).Select(f => f.Watermark).SingleAsync();
            Assert.That(watermark, Is.Not.Null, "a complete run moves the watermark");
        }
    }

    private async Task<int> CountAsync(string userId)
    {
        await using var scope = App.ScopeFor(userId);
        return await App.Db(scope).Leads.CountAsync();
    }
}
