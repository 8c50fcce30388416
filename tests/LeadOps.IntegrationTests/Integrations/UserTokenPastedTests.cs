using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.GraphSandbox;

namespace LeadOps.IntegrationTests.Integrations;

/// <summary>
/// A person's own user access token pasted where the page's token belongs (what Graph API Explorer hands out before a page
/// is chosen). Graph answers <c>GET /me</c> with the person, not a page; <c>debug_token</c> says <c>"type":"USER"</c> with
/// the person's <c>user_id</c> and no <c>profile_id</c> (bk-rs/facebook-apis-rs,
/// <c>facebook-access-token-api/tests/response_body_json_files/debug_token__user_access_token_2.json</c>, recorded answers);
/// and a page edge on the person's id is "(#100) Tried accessing nonexisting field (leadgen_forms) on node type (User)"
/// (what Lead Ads integrators report for user and system-user tokens: a public Next.js CRM's Meta Lead Ads settings code,
/// whose repository the code index does not name, resolves such tokens through <c>/me/accounts</c> for that reason).
/// LeadOps refuses the token with words that say what it is, and connects nothing.
/// </summary>
public sealed class UserTokenPastedTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new SandboxOptions { InitialLeadsPerForm = 0 });

    [Test]
    public async Task The_sandbox_answers_a_user_token_as_graph_does()
    {
        using var graph = new SandboxClient(App.Sandbox.BaseAddress);

        var me = await graph.SendAsync(HttpMethod.Get, "me?fields=id,name", SandboxSeed.TokenOwnerUserToken, null);
        var forms = await graph.SendAsync(HttpMethod.Get, $"{SandboxSeed.TokenOwnerUserId}/leadgen_forms", SandboxSeed.TokenOwnerUserToken, null);

        Assert.Multiple(() =>
        {
            Assert.That(me.Json.GetProperty("id").GetString(), Is.EqualTo(SandboxSeed.TokenOwnerUserId), "the person, not a page");
            Assert.That(forms.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(forms.Json.GetProperty("error").GetProperty("code").GetInt32(), Is.EqualTo(100));
            Assert.That(forms.Json.GetProperty("error").GetProperty("message").GetString(), Is.EqualTo("(#100) Tried accessing nonexisting field (leadgen_forms) on node type (User)"));
        });
    }

    [Test]
    public async Task A_user_token_pasted_to_connect_a_page_is_refused_as_a_user_token_and_nothing_is_connected()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);

        var response = await api.PostAsJsonAsync("/api/integrations", new { page_access_token = SandboxSeed.TokenOwnerUserToken });

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var integrations = await api.GetFromJsonAsync<JsonElement>("/api/integrations");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), problem.ToString());
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("user access token").And.Contain(SandboxSeed.TokenOwnerName), "says what was pasted, and whose it is");
            Assert.That(integrations.GetProperty("integrations").GetArrayLength(), Is.Zero, "no integration for a person");
        });
    }

    /// <summary>
    /// Without the app's id and secret (the brief's settings name only the secret) there is no debug_token: the forms edge on
    /// the person's id, refused as a field a User node does not have, tells the token for a person's.
    /// </summary>
    [Test]
    public async Task Without_app_credentials_a_user_token_is_still_refused_as_a_user_token()
    {
        await using var app = await TestApp.Create(Database).WithSandbox(new SandboxOptions { InitialLeadsPerForm = 0 }).WithoutAppCredentials().StartAsync();
        var user = await app.NewUserAsync();
        using var api = app.ApiClient(user);

        var response = await api.PostAsJsonAsync("/api/integrations", new { page_access_token = SandboxSeed.TokenOwnerUserToken });
        var page = await api.PostAsJsonAsync("/api/integrations", new { page_access_token = SandboxSeed.MainPageToken });

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var integrations = await api.GetFromJsonAsync<JsonElement>("/api/integrations");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), problem.ToString());
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("user access token"));
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Created), "a page's token still connects");
            Assert.That(integrations.GetProperty("integrations").GetArrayLength(), Is.EqualTo(1), "only the page");
        });
    }

    /// <summary>
    /// debug_token itself refused (the app's id or secret wrong, or Graph down for it) or naming no type: the forms edge
    /// still tells a person's token, as without app credentials.
    /// </summary>
    [Test]
    public async Task A_user_token_is_refused_when_debug_token_cannot_say_what_it_is()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        Graph.SetFault(new FaultRule { Route = FaultRoutes.DebugToken, Kind = FaultKind.PermissionMissing });

        var response = await api.PostAsJsonAsync("/api/integrations", new { page_access_token = SandboxSeed.TokenOwnerUserToken });
        var page = await api.PostAsJsonAsync("/api/integrations", new { page_access_token = SandboxSeed.MainPageToken });

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), problem.ToString());
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("user access token"));
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Created), "a page's token still connects");
        });
    }

    [Test]
    public async Task A_user_token_pasted_to_reconnect_a_page_is_refused_as_a_user_token_and_the_page_keeps_its_token()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var id = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();

        using var browser = await App.SignedInClientAsync(user);

        var path = $"/Integrations/{id}";
        var answer = await browser.PostFormAsync($"{path}?handler=Reconnect", new Dictionary<string, string> { ["NewToken"] = SandboxSeed.TokenOwnerUserToken }, formPage: path);

        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
        var integration = await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(answer.StatusCode, Is.Not.EqualTo(HttpStatusCode.Redirect), "refused, so the page is shown again");
            Assert.That(html, Does.Contain("user access token"));
            Assert.That(integration.GetProperty("status").GetString(), Is.EqualTo("active"), "the page's own token still works");
            Assert.That(integration.GetProperty("page_id").GetString(), Is.EqualTo(SandboxSeed.MainPageId));
        });
    }
}
