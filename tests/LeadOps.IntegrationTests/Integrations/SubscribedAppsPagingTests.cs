using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.Integrations;

/// <summary>
/// <c>GET /{page-id}/subscribed_apps</c> is paged as every Graph edge (25 apps a page by default): on a page with many
/// apps installed, LeadOps' own app may be listed on a later page, and the check must follow the paging to find it rather
/// than take the page for unsubscribed.
/// </summary>
public sealed class SubscribedAppsPagingTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [Test]
    public async Task This_app_listed_on_the_second_page_of_subscribed_apps_is_found_and_the_page_is_not_subscribed_again()
    {
        // Thirty other apps first: the sandbox's own app is the 31st, on the second page of 25.
        Graph.InstallOtherApps(SandboxSeed.MainPageId, 30);
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var id = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        var seen = Graph.Requests.Count;

        var test = await (await api.PostAsync($"/api/integrations/{id}/test", null)).Content.ReadFromJsonAsync<JsonElement>();

        var calls = Graph.Requests.Skip(seen).Where(r => r.Path.EndsWith($"/{SandboxSeed.MainPageId}/subscribed_apps", StringComparison.Ordinal)).ToList();
        var integration = test.GetProperty("integration");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(integration.GetProperty("leadgen_subscribed").GetBoolean(), Is.True, test.ToString());
            Assert.That(integration.TryGetProperty("subscription_note", out var note) ? note.ToString() : string.Empty, Does.Not.Contain("not subscribed"), test.ToString());
            Assert.That(calls.Where(r => r.Method == "POST"), Is.Empty, "the page was not subscribed again");
            Assert.That(calls.Count(r => r.Method == "GET"), Is.EqualTo(2), "the first page of apps, then the second, where this app is");
            Assert.That(calls.Last(r => r.Method == "GET").QueryString, Does.Contain("after="), "the second page was asked for by Graph's cursor");
        }
    }
}
