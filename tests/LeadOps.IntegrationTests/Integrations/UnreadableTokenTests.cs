using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Integrations;

/// <summary>
/// A page token LeadOps stored but can no longer read (the keys that protected it changed, ADR 0013) is a token that
/// no longer works: the page is marked for reconnecting with a reason that says so, instead of failing every scheduled
/// pass, every test and every start of the app.
/// </summary>
public sealed class UnreadableTokenTests(DatabaseKind database) : AppFixture(database)
{
    private const string Unreadable = "CfDJ8not-a-protected-token";

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [Test]
    public async Task A_scheduled_pass_marks_the_page_for_reconnecting_and_leaves_no_run_under_way()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var id = await ConnectedWithUnreadableTokenAsync(api, user);

        await App.Services.GetRequiredService<ScheduledRetrieval>().RunDueAsync(CancellationToken.None);

        var integration = await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{id}");
        var runs = (await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(integration.GetProperty("status").GetString(), Is.EqualTo("needs_reconnect"));
            Assert.That(integration.GetProperty("last_error").GetString(), Does.Contain("cannot read this page's stored token"));
            Assert.That(runs.Select(r => r.GetProperty("outcome").GetString()), Has.None.EqualTo("running"), "no run is left under way");
        });
    }

    [Test]
    public async Task Testing_the_integration_answers_that_the_token_needs_replacing_instead_of_failing()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var id = await ConnectedWithUnreadableTokenAsync(api, user);

        using var response = await api.PostAsync($"/api/integrations/{id}/test", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        var test = JsonDocument.Parse(body).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(test.GetProperty("token_valid").GetBoolean(), Is.False);
            Assert.That(test.GetProperty("error").GetString(), Does.Contain("reconnect the page"));
            Assert.That(test.GetProperty("integration").GetProperty("status").GetString(), Is.EqualTo("needs_reconnect"));
        });
    }

    private async Task<int> ConnectedWithUnreadableTokenAsync(HttpClient api, TestUser user)
    {
        var id = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        await using var scope = App.ScopeFor(user.Id);
        await App.Db(scope).Integrations.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ProtectedToken, Unreadable));
        return id;
    }
}
