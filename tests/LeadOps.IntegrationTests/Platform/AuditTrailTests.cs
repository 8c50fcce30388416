using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Application.Common.Audit;
using LeadOps.Application.Integrations.Commands;
using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.Platform;

/// <summary>
/// The audit trail beyond the Inbox: integrations, API keys, retrievals and sign-ins leave a row each, written with the
/// change; what is done with an API key names the key (never its secret).
/// </summary>
public sealed class AuditTrailTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new SandboxOptions { InitialLeadsPerForm = 2 });

    [Test]
    public async Task Integration_and_retrieval_actions_made_with_an_API_key_are_audited_naming_the_key_and_key_changes_only_in_a_session()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);

        var connected = await api.PostAsJsonAsync("/api/integrations", new { page_access_token = SandboxSeed.MainPageToken, name = "Shop" });
        Assert.That(connected.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var integrationId = (await connected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var retrieved = await api.PostAsJsonAsync("/api/facebook-lead-retrieval", new { integration_id = integrationId, form_id = SandboxSeed.MainTestRideFormId, send_welcome = false });
        Assert.That(retrieved.IsSuccessStatusCode, Is.True, await retrieved.Content.ReadAsStringAsync());
        // Keys are made and revoked by the person, never with a key (ADR 0018): the key's attempt leaves no row.
        Assert.That((await api.PostAsJsonAsync("/api/api-keys", new { name = "zapier" })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var person = await App.SignedInApiClientAsync(user);
        var created = await person.PostAsJsonAsync("/api/api-keys", new { name = "zapier" });
        Assert.That(created.IsSuccessStatusCode, Is.True);
        var newKey = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That((await person.DeleteAsync($"/api/api-keys/{newKey.GetProperty("id").GetGuid()}")).IsSuccessStatusCode, Is.True);
        Assert.That((await App.SendAsync(user, new SetIntegrationEnabled(integrationId, false))).IsSuccess, Is.True);
        Assert.That((await api.DeleteAsync($"/api/integrations/{integrationId}")).IsSuccessStatusCode, Is.True);

        // The person's sign-in (for the key changes) has its own row, proven below: these are the actions.
        var rows = (await App.SendAsync(user, new ListAuditEntries())).Items.Reverse().Where(r => r.Action != "sign_in").ToList();
        Assert.That(rows.Select(r => (r.Action, r.SubjectType, r.Outcome)), Is.EqualTo(new[]
        {
            ("connect", AuditActions.Integration, AuditActions.Ok),
            (AuditActions.Retrieve, AuditActions.Form, AuditActions.Ok),
            ("create_api_key", AuditActions.ApiKey, AuditActions.Ok),
            ("revoke_api_key", AuditActions.ApiKey, AuditActions.Ok),
            ("disable", AuditActions.Integration, AuditActions.Ok),
            ("delete", AuditActions.Integration, AuditActions.Ok),
        }));
        Assert.Multiple(() =>
        {
            Assert.That(rows.Where(r => r.SubjectType != AuditActions.ApiKey && r.Action != "disable").Select(r => r.Via), Has.All.StartWith("API key \"tests\" (lo_"), "made with the test's key");
            Assert.That(rows.Where(r => r.SubjectType == AuditActions.ApiKey).Select(r => r.Via), Has.All.Null, "made in the person's session");
            Assert.That(rows.Single(r => r.Action == "disable").Via, Is.Null, "made without HTTP, as the user");
            Assert.That(rows.Select(r => r.ActorId), Has.All.EqualTo(user.Id));
            Assert.That(rows[0].SubjectId, Is.EqualTo(SandboxSeed.MainPageId));
            Assert.That(rows[1].SubjectId, Is.EqualTo(SandboxSeed.MainTestRideFormId));
            Assert.That(rows[2].Detail, Is.EqualTo("\"zapier\""));
            Assert.That(string.Join(" ", rows.Select(r => r.Detail + r.Via)), Does.Not.Contain(user.ApiKey).And.Not.Contain(newKey.GetProperty("key").GetString()!));
        });
    }

    [Test]
    public async Task A_sign_in_and_a_failed_one_are_in_the_account_s_trail()
    {
        var user = await App.NewUserAsync();
        using var browser = App.NewClient(cookies: true);
        var failed = await browser.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = user.Email, ["Input.Password"] = "not-the-password" });
        Assert.That(failed.StatusCode, Is.Not.EqualTo(HttpStatusCode.Redirect), "the sign-in failed");
        using var signedIn = await App.SignedInClientAsync(user);

        var rows = (await App.SendAsync(user, new ListAuditEntries())).Items.Reverse().ToList();
        Assert.That(rows.Select(r => (r.Action, r.Outcome, r.SubjectId)), Is.EqualTo(new[]
        {
            (AuditActions.SignIn, AuditActions.Failed, user.Id),
            (AuditActions.SignIn, AuditActions.Ok, user.Id),
        }));
        Assert.That(rows[0].Detail, Is.EqualTo("wrong password"));

        var page = await signedIn.GetStringAsync("/Audit");
        Assert.That(page, Does.Contain("sign in").And.Contain("wrong password"));
    }
}
