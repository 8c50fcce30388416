using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeadOps.GraphSandbox;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Integrations;

public sealed class IntegrationsApiTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox();

    [Test]
    public async Task Connecting_a_valid_page_stores_it_active_with_its_forms_and_never_returns_the_token()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);

        var response = await api.PostAsJsonAsync("/api/integrations", new { page_access_token = SandboxSeed.MainPageToken });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(body, Does.Not.Contain(SandboxSeed.MainPageToken));
        var integration = JsonDocument.Parse(body).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(integration.GetProperty("page_id").GetString(), Is.EqualTo(SandboxSeed.MainPageId));
            Assert.That(integration.GetProperty("page_name").GetString(), Is.EqualTo(SandboxSeed.MainPageName));
            Assert.That(integration.GetProperty("name").GetString(), Is.EqualTo(SandboxSeed.MainPageName));
            Assert.That(integration.GetProperty("status").GetString(), Is.EqualTo("active"));
            Assert.That(integration.GetProperty("token_last4").GetString(), Is.EqualTo(SandboxSeed.MainPageToken[^4..]));
            Assert.That(integration.GetProperty("missing_permissions").GetArrayLength(), Is.Zero);
            Assert.That(integration.GetProperty("webhook_subscribed").GetBoolean(), Is.True);
            Assert.That(integration.GetProperty("forms").GetArrayLength(), Is.EqualTo(3));
        });

        var list = await api.GetFromJsonAsync<JsonElement>("/api/integrations");
        var listed = list.GetProperty("integrations").EnumerateArray().Single();
        foreach (var field in new[] { "id", "name", "page_id", "page_name", "status", "token_last4", "token_expires_at", "missing_permissions", "webhook_subscribed" })
        {
            Assert.That(listed.TryGetProperty(field, out _), Is.True, field);
        }
    }

    [Test]
    public async Task Connecting_a_page_that_is_connected_already_gives_its_integration_the_new_token_instead_of_a_second_one()
    {
        var user = await App.NewUserAsync();
        var first = await App.SendAsync(user, new LeadOps.Application.Integrations.Commands.ConnectIntegration(SandboxSeed.MainPageToken, "Shop"));
        await using (var scope = App.ScopeFor(user.Id))
        {
            var db = App.Db(scope);
            var stored = await db.Integrations.SingleAsync(i => i.Id == first.Value!.Id);
            stored.RecordTokenInvalid("The page token is expired or was revoked.");
            await db.SaveChangesAsync();
        }

        var again = await App.SendAsync(user, new LeadOps.Application.Integrations.Commands.ConnectIntegration(" " + SandboxSeed.MainPageToken + " ", "Bicycle shop"));

        Assert.That(again.IsSuccess, Is.True, again.Detail);
        await using var check = App.ScopeFor(user.Id);
        var integrations = await App.Db(check).Integrations.Include(i => i.Forms).Where(i => i.PageId == SandboxSeed.MainPageId).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(integrations.Select(i => i.Id), Is.EqualTo(new[] { first.Value!.Id }), "one integration for the page");
            Assert.That(integrations[0].Name, Is.EqualTo("Bicycle shop"));
            Assert.That(integrations[0].NeedsReconnect, Is.False, "the new token replaced the one that no longer worked");
            Assert.That(integrations[0].Forms.Select(f => f.FormId).ToList(), Is.Unique.And.Count.EqualTo(3), "its forms once");
            Assert.That(again.Value!.Status, Is.EqualTo(LeadOps.Domain.Integrations.IntegrationStatus.Active));
        });
    }

    [Test]
    public async Task A_token_graph_rejects_is_422_with_the_reason_and_nothing_is_stored()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);

        var response = await api.PostAsJsonAsync("/api/integrations", new { page_access_token = SandboxSeed.ExpiredTokenPageToken, name = "Porto" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("Facebook rejected the page access token"));
        Assert.That(body.GetProperty("detail").GetString(), Does.Contain("expired").And.Contain("create a new page access token").And.Not.Contain("reconnect"),
            "a first connect is no reconnect");
        Assert.That((await api.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations").GetArrayLength(), Is.Zero);
    }

    [TestCase("{}", "page_access_token")]
    [TestCase("{\"page_access_token\":\"   \"}", "page_access_token")]
    [TestCase("{\"page_access_token\":\"abc def\"}", "page_access_token")]
    [TestCase("{\"page_access_token\":\"x\",\"owner_id\":\"someone\"}", null)]
    [TestCase("{\"page_access_token\":", null)]
    public async Task Bad_input_is_400_with_a_clear_message_and_nothing_is_stored(string json, string? field)
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);

        var response = await api.PostAsync("/api/integrations", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("error").GetString(), Is.Not.Empty);
        if (field is not null)
        {
            Assert.That(body.GetProperty("errors").TryGetProperty(field, out _), Is.True);
        }

        Assert.That((await api.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task A_100_kB_token_is_400()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var response = await api.PostAsJsonAsync("/api/integrations", new { page_access_token = new string('A', 100_000) });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("error").GetString(), Does.Contain("too long"));
    }

    [Test]
    public async Task A_token_missing_leads_retrieval_shows_missing_permission()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integration = await ConnectAsync(api, SandboxSeed.NoLeadsPermissionPageToken);

        Assert.That(integration.GetProperty("status").GetString(), Is.EqualTo("missing_permission"));
        Assert.That(integration.GetProperty("status_text").GetString(), Does.Contain("Missing permission: leads_retrieval"));
        Assert.That(integration.GetProperty("missing_permissions").EnumerateArray().Select(p => p.GetString()), Does.Contain("leads_retrieval"));
    }

    [Test]
    public async Task A_token_expiring_within_7_days_shows_expires_on()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integration = await ConnectAsync(api, SandboxSeed.ExpiringTokenPageToken);

        Assert.That(integration.GetProperty("status").GetString(), Is.EqualTo("expiring"));
        var expires = integration.GetProperty("token_expires_at").GetDateTimeOffset();
        Assert.That(integration.GetProperty("status_text").GetString(), Is.EqualTo($"Expires on {expires:yyyy-MM-dd}"));
    }

    [Test]
    public async Task A_page_not_subscribed_to_webhooks_can_be_subscribed()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integration = await ConnectAsync(api, SandboxSeed.NotSubscribedPageToken);
        Assert.That(integration.GetProperty("webhook_subscribed").GetBoolean(), Is.False);

        var subscribe = await api.PostAsync($"/api/integrations/{integration.GetProperty("id").GetInt32()}/subscribe", null);
        Assert.That(subscribe.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await subscribe.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("webhook_subscribed").GetBoolean(), Is.True);

        var test = await api.PostAsync($"/api/integrations/{integration.GetProperty("id").GetInt32()}/test", null);
        var result = await test.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(result.GetProperty("subscribed_fields").EnumerateArray().Select(f => f.GetString()), Is.SupersetOf(new[] { "leadgen", "messages" }));
    }

    [Test]
    public async Task The_list_marks_a_page_not_subscribed_to_webhooks_until_it_is_subscribed()
    {
        Graph.SetSubscribed(SandboxSeed.NotSubscribedPageId, false); // as seeded, whatever another test of the fixture did
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        await ConnectAsync(api, SandboxSeed.MainPageToken);
        var unsubscribed = await ConnectAsync(api, SandboxSeed.NotSubscribedPageToken);
        using var browser = await App.SignedInClientAsync(user);

        var rows = IntegrationRows(await browser.GetStringAsync("/Integrations"));
        Assert.Multiple(() =>
        {
            Assert.That(rows.Single(r => r.Contains(SandboxSeed.NotSubscribedPageId)), Does.Contain("data-test=\"webhooks-off\">Webhooks off<").And.Contain("Open it to subscribe."));
            Assert.That(rows.Single(r => r.Contains(SandboxSeed.MainPageId)), Does.Not.Contain("webhooks-off"));
        });

        var subscribe = await api.PostAsync($"/api/integrations/{unsubscribed.GetProperty("id").GetInt32()}/subscribe", null);
        Assert.That(subscribe.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await browser.GetStringAsync("/Integrations"), Does.Not.Contain("webhooks-off"));
        Graph.SetSubscribed(SandboxSeed.NotSubscribedPageId, false);
    }

    private static string[] IntegrationRows(string html) => html.Split("data-test=\"integration\"")[1..];

    [Test]
    public async Task Testing_uses_debug_token_and_reports_scopes_and_expiry()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integration = await ConnectAsync(api, SandboxSeed.MainPageToken);

        var response = await api.PostAsync($"/api/integrations/{integration.GetProperty("id").GetInt32()}/test", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(result.GetProperty("method").GetString(), Is.EqualTo("debug_token"));
            Assert.That(result.GetProperty("token_valid").GetBoolean(), Is.True);
            Assert.That(result.GetProperty("granted_scopes").EnumerateArray().Select(s => s.GetString()), Does.Contain("leads_retrieval"));
            Assert.That(result.GetProperty("missing_permissions").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task A_token_that_graph_later_rejects_turns_the_integration_needs_reconnect_and_reconnect_fixes_it()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integration = await ConnectAsync(api, SandboxSeed.NotSubscribedPageToken);
        var id = integration.GetProperty("id").GetInt32();
        Graph.SetFault(new FaultRule { Route = "*", PageId = SandboxSeed.NotSubscribedPageId, Kind = FaultKind.TokenExpired, Times = 3 });

        var test = await (await api.PostAsync($"/api/integrations/{id}/test", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(test.GetProperty("integration").GetProperty("status").GetString(), Is.EqualTo("needs_reconnect"));
        Assert.That(test.GetProperty("token_valid").GetBoolean(), Is.False);

        using var browser = await App.SignedInClientAsync(user);
        Assert.That(await browser.GetStringAsync("/Leads"), Does.Contain("data-test=\"integration-alert\"").And.Contain("Needs reconnect"), "the Leads page shows the banner");
        Assert.That(await browser.GetStringAsync("/Inbox"), Does.Contain("Needs reconnect"), "the Inbox page shows the banner");

        Graph.ClearFaults();
        var reconnect = await browser.PostFormAsync($"/Integrations/{id}?handler=Reconnect", new Dictionary<string, string> { ["NewToken"] = SandboxSeed.NotSubscribedPageToken }, formPage: $"/Integrations/{id}");
        Assert.That(reconnect.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var after = await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{id}");
        Assert.That(after.GetProperty("status").GetString(), Is.EqualTo("active"));
        Assert.That(await browser.GetStringAsync("/Leads"), Does.Not.Contain("data-test=\"integration-alert\""), "the banner is gone");
    }

    [Test]
    public async Task Staff_disable_an_integration_from_its_page_and_enable_it_again()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var id = (await ConnectAsync(api, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        using var browser = await App.SignedInClientAsync(user);
        var path = $"/Integrations/{id}";

        var off = await browser.PostFormAsync($"{path}?handler=Enable&enabled=false", new Dictionary<string, string>(), formPage: path);
        Assert.That(off.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await browser.GetStringAsync(path), Does.Contain("The integration is disabled."));
        Assert.That((await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{id}")).GetProperty("status").GetString(), Is.EqualTo("disabled"));

        var on = await browser.PostFormAsync($"{path}?handler=Enable&enabled=true", new Dictionary<string, string>(), formPage: path);
        Assert.That(on.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{id}")).GetProperty("status").GetString(), Is.EqualTo("active"));
    }

    [Test]
    public async Task Page_tokens_are_encrypted_at_rest_and_the_key_ring_is_not_plain_in_the_database()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integration = await ConnectAsync(api, SandboxSeed.MainPageToken);

        await using var scope = App.ScopeFor(user.Id);
        var db = App.Db(scope);
        var raw = await db.Database.SqlQueryRaw<string>("SELECT \"ProtectedToken\" AS \"Value\" FROM \"Integrations\" WHERE \"Id\" = {0}", integration.GetProperty("id").GetInt32()).SingleAsync();
        Assert.That(raw, Does.Not.Contain(SandboxSeed.MainPageToken).And.Not.Contain(SandboxSeed.MainPageToken[..20]));

        var keys = await db.Database.SqlQueryRaw<string>("SELECT \"Xml\" AS \"Value\" FROM \"DataProtectionKeys\"").ToListAsync();
        Assert.That(keys, Is.Not.Empty);
        Assert.That(keys, Has.All.Contain("encryptedKey").And.All.Not.Contain("<masterKey"));
    }

    [Test]
    public async Task Another_users_integration_is_404_on_every_api_and_page()
    {
        var alice = await App.NewUserAsync();
        var bob = await App.NewUserAsync();
        using var aliceApi = App.ApiClient(alice);
        var id = (await ConnectAsync(aliceApi, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();

        using var bobApi = App.ApiClient(bob);
        Assert.That((await bobApi.GetAsync($"/api/integrations/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await bobApi.PostAsync($"/api/integrations/{id}/test", null)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await bobApi.PostAsync($"/api/integrations/{id}/subscribe", null)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await bobApi.DeleteAsync($"/api/integrations/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await bobApi.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations").GetArrayLength(), Is.Zero);

        using var bobBrowser = await App.SignedInClientAsync(bob);
        Assert.That((await bobBrowser.GetAsync($"/Integrations/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var delete = await bobBrowser.PostFormAsync($"/Integrations/{id}?handler=Delete", new Dictionary<string, string>(), formPage: "/Integrations");
        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        Assert.That((await aliceApi.GetAsync($"/api/integrations/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "still there for its owner");
    }

    [Test]
    public async Task Deleting_an_integration_answers_204_and_keeps_its_leads()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var id = (await ConnectAsync(api, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        var retrieval = await api.PostAsJsonAsync("/api/facebook-lead-retrieval", new { form_id = SandboxSeed.MainArchivedFormId, integration_id = id });
        var created = (await retrieval.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("new_leads").GetInt32();
        Assert.That(created, Is.GreaterThan(0));

        Assert.That((await api.DeleteAsync($"/api/integrations/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var leads = await api.GetFromJsonAsync<JsonElement>("/api/leads?page_size=200");
        Assert.That(leads.GetProperty("leads").GetArrayLength(), Is.EqualTo(created));
    }

    internal static async Task<JsonElement> ConnectAsync(HttpClient api, string token)
    {
        var response = await api.PostAsJsonAsync("/api/integrations", new { page_access_token = token });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
