using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// What the tests that post leadgen bodies of their own share: a connected main page with a lead whose own webhook never
/// arrives, a signed post worked off, and what became of the lead (stored, welcomed) and of the deliveries.
/// </summary>
internal static class LeadgenDeliveries
{
    /// <summary>A new user with the main page connected, and one lead of <paramref name="formId"/> the sandbox did not announce.</summary>
    public static async Task<(TestUser User, HttpClient Api, string LeadId)> ConnectedWithSilentLeadAsync(TestApp app, string formId, SandboxLead? lead = null)
    {
        var user = await app.NewUserAsync();
        var api = app.ApiClient(user);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken);
        app.Graph.Options.WebhookDropRate = 1; // the sandbox's own delivery never arrives: only the body the test posts
        var leadId = lead is null ? app.Graph.SubmitLeads(formId, 1)[0] : app.Graph.SubmitLead(formId, lead);
        await app.Graph.WhenWebhooksDrainedAsync();
        app.Graph.Options.WebhookDropRate = 0;
        return (user, api, leadId);
    }

    /// <summary>
    /// One delivery announcing <paramref name="leads"/> in their order, as Meta batches them: an entry a page, a leadgen
    /// change a lead.
    /// </summary>
    public static string Body(IEnumerable<(string Page, string Form, string Lead)> leads) => JsonSerializer.Serialize(new
    {
        @object = "page",
        entry = leads.GroupBy(l => l.Page).Select(page => new
        {
            id = page.Key,
            time = 1438292065,
            changes = page.Select(l => new { field = "leadgen", value = new { leadgen_id = l.Lead, page_id = l.Page, form_id = l.Form, created_time = 1440120384 } }),
        }),
    });

    /// <summary>Posts the body signed as Meta does, expects 200, and waits until the app has worked it off.</summary>
    public static async Task PostAsync(TestApp app, string body)
    {
        using var client = app.NewClient();
        using var response = await WebhookTests.PostSignedAsync(client, body, app.Graph.Options.AppSecret);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await app.DrainAsync();
    }

    public static async Task<List<JsonElement>> StoredAsync(HttpClient api, string leadId) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/leads?source=webhook")).GetProperty("leads").EnumerateArray()
            .Where(l => l.GetProperty("facebook_lead_id").GetString() == leadId).ToList();

    /// <summary>Posts the body twice; the lead is stored once, the deliveries are worked off, and this is what the API says of it.</summary>
    public static async Task<JsonElement> DeliveredTwiceAsync(TestApp app, HttpClient api, string leadId, string body)
    {
        await PostAsync(app, body);
        await PostAsync(app, body);
        var stored = await StoredAsync(api, leadId);
        Assert.That(stored, Has.Count.EqualTo(1), "the lead is stored, once");
        Assert.That(await UnfinishedDeliveriesAsync(app), Is.Zero, "the deliveries are worked off, none left to retry or failed");
        return await api.GetFromJsonAsync<JsonElement>($"/api/leads/{stored[0].GetProperty("id").GetInt64()}");
    }

    public static async Task<int> WelcomesAsync(TestApp app, TestUser user, string leadId)
    {
        await using var scope = app.ScopeFor(user.Id);
        return await app.Db(scope).OutboxMessages.CountAsync(o => o.Lead!.FacebookLeadId == leadId && o.Kind == LeadOps.Domain.Leads.OutboxMessage.WelcomeKind);
    }

    public static async Task<int> UnfinishedDeliveriesAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadOps.Infrastructure.Persistence.LeadOpsDbContext>();
        return await db.WebhookDeliveries.CountAsync(d =>
            d.Status == LeadOps.Domain.Common.WebhookDeliveryStatus.Pending || d.Status == LeadOps.Domain.Common.WebhookDeliveryStatus.Failed);
    }

    /// <summary>After a lead read Graph refused: the integration as the API shows it, the sync history page, and the deliveries left unfinished.</summary>
    public static async Task<(JsonElement Integration, string History, int Unfinished)> AfterRefusedReadAsync(TestApp app, TestUser user, HttpClient api, long integrationId)
    {
        var integration = await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{integrationId}");
        using var browser = await app.SignedInClientAsync(user);
        return (integration, await browser.GetStringAsync("/Leads/Runs"), await UnfinishedDeliveriesAsync(app));
    }
}
