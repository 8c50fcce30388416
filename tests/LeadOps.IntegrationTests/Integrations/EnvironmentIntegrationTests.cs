using Microsoft.EntityFrameworkCore;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.Integrations;

/// <summary>FACEBOOK_PAGE_ACCESS_TOKEN at start creates the admin's environment integration once, however often the app starts.</summary>
public sealed class EnvironmentIntegrationTests
{
    [Test]
    public async Task Starting_twice_with_the_page_token_creates_one_environment_integration()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync(new SandboxOptions());
        var database = await TestRun.NewDatabaseAsync(DatabaseKind.Sqlite);

        for (var start = 1; start <= 2; start++)
        {
            await using var app = await TestApp.Create(DatabaseKind.Sqlite).OnDatabase(database).WithSharedSandbox(sandbox).WithoutAppCredentials()
                .WithSetting("Facebook:PageAccessToken", SandboxSeed.MainPageToken).StartAsync();
            using var admin = app.NewClient();
            admin.DefaultRequestHeaders.Authorization = new("Bearer", TestApp.AdminApiKey);
            admin.DefaultRequestHeaders.Add("X-Admin-User-ID", TestApp.AdminUserId);

            var list = await admin.GetFromJsonAsync<JsonElement>("/api/integrations");
            var integrations = list.GetProperty("integrations").EnumerateArray().ToList();
            Assert.That(integrations, Has.Count.EqualTo(1), $"start {start}");
            Assert.That(integrations[0].GetProperty("name").GetString(), Is.EqualTo("Facebook page (from environment)"));
            Assert.That(integrations[0].GetProperty("page_id").GetString(), Is.EqualTo(SandboxSeed.MainPageId));
            Assert.That(integrations[0].GetProperty("status").GetString(), Is.EqualTo("active"));
        }
    }

    [Test]
    public async Task A_start_after_the_stored_token_became_unreadable_stores_the_environments_token_again()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync(new SandboxOptions());
        var database = await TestRun.NewDatabaseAsync(DatabaseKind.Sqlite);
        for (var start = 1; start <= 2; start++)
        {
            await using var app = await TestApp.Create(DatabaseKind.Sqlite).OnDatabase(database).WithSharedSandbox(sandbox).WithoutAppCredentials()
                .WithSetting("Facebook:PageAccessToken", SandboxSeed.MainPageToken).StartAsync();
            using var admin = app.AdminClient();
            var id = (await admin.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations")[0].GetProperty("id").GetInt32();
            if (start == 1)
            {
                // The keys that protected the stored token are gone by the next start.
                await using var scope = app.ScopeFor(TestApp.AdminUserId);
                await app.Db(scope).Integrations.Where(i => i.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.ProtectedToken, "CfDJ8not-a-protected-token"));
                continue;
            }

            using var test = await admin.PostAsync($"/api/integrations/{id}/test", null);
            var body = await test.Content.ReadAsStringAsync();
            Assert.That(test.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), body);
            Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("token_valid").GetBoolean(), Is.True, "the environment's token is stored again and works");
        }
    }

    [Test]
    public async Task A_page_connected_by_hand_and_through_the_environment_is_handled_once_for_its_user()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync(new SandboxOptions { InitialLeadsPerForm = 0 });
        var database = await TestRun.NewDatabaseAsync(DatabaseKind.Sqlite);
        // The admin connected the page by hand before the variable was set: the two integrations exist side by side (ADR 0027).
        int byHand;
        await using (var before = await TestApp.Create(DatabaseKind.Sqlite).OnDatabase(database).WithSharedSandbox(sandbox).StartAsync())
        {
            using var admin = before.AdminClient();
            byHand = (await IntegrationsApiTests.ConnectAsync(admin, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        }

        await using var app = await TestApp.Create(DatabaseKind.Sqlite).OnDatabase(database).WithSharedSandbox(sandbox)
            .WithSetting("Facebook:PageAccessToken", SandboxSeed.MainPageToken).StartAsync();
        using (var admin = app.AdminClient())
        {
            var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations").EnumerateArray();
            Assert.That(listed.Select(i => i.GetProperty("page_id").GetString()), Is.EqualTo(new[] { SandboxSeed.MainPageId, SandboxSeed.MainPageId }));
        }

        // A lead whose read Graph refuses: every integration that handles its webhook reads it and counts the failure.
        var leadId = app.Graph.SubmitLeads(SandboxSeed.MainTestRideFormId, 1)[0];
        app.Graph.SetFault(new FaultRule { Route = FaultRoutes.Lead, Kind = FaultKind.PermissionMissing });
        var body = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + SandboxSeed.MainPageId + "\",\"time\":1438292065,\"changes\":[" +
            "{\"field\":\"leadgen\",\"value\":{\"leadgen_id\":\"" + leadId + "\",\"page_id\":\"" + SandboxSeed.MainPageId +
            "\",\"form_id\":\"" + SandboxSeed.MainTestRideFormId + "\",\"created_time\":1440120384}}]}]}";
        using (var client = app.NewClient())
        using (var posted = await LeadOps.IntegrationTests.Leads.WebhookTests.PostSignedAsync(client, body, app.Graph.Options.AppSecret))
        {
            Assert.That(posted.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
        }

        await app.DrainAsync();

        await using var scope = app.ScopeFor(TestApp.AdminUserId);
        var db = app.Db(scope);
        var webhooked = await db.Integrations.Where(i => i.LastWebhookAt != null).Select(i => i.Id).ToListAsync();
        var failure = await db.LeadFailures.SingleAsync(f => f.FacebookLeadId == leadId);
        Assert.Multiple(() =>
        {
            Assert.That(app.Graph.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/" + leadId, StringComparison.Ordinal)), Is.EqualTo(1), "Graph is asked for the lead once");
            Assert.That(failure.Attempts, Is.EqualTo(1), "the failure is counted once");
            Assert.That(webhooked, Is.EqualTo(new[] { byHand }), "one integration handles the event: the older one, connected by hand");
        });
    }

    [Test]
    public async Task Without_app_credentials_testing_falls_back_to_me_and_a_probe_of_the_forms()
    {
        await using var app = await TestApp.Create(DatabaseKind.Sqlite).WithSandbox().WithoutAppCredentials().StartAsync();
        var user = await app.NewUserAsync();
        using var api = app.ApiClient(user);
        var id = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NoLeadsPermissionPageToken)).GetProperty("id").GetInt32();

        var result = await (await api.PostAsync($"/api/integrations/{id}/test", null)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(result.GetProperty("method").GetString(), Is.EqualTo("probe"));
        Assert.That(result.GetProperty("granted_scopes").ValueKind, Is.EqualTo(JsonValueKind.Null), "scopes are unknown without debug_token");
        Assert.That(result.GetProperty("missing_permissions").EnumerateArray().Select(p => p.GetString()), Does.Contain("leads_retrieval"), "the forms probe names it");
    }
}
