using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadOps.IntegrationTests.Integrations;

/// <summary>
/// The self-healing webhook (ADR 0010): every hour (and on Test) LeadOps reads the page's subscribed_apps, subscribes
/// leadgen again when it disappeared and the token allows, and says so on the integration's page either way; the test
/// also explains the fix when the business restricted Leads Access to other CRMs.
/// </summary>
public sealed class SelfHealingWebhookTests(DatabaseKind database) : AppFixture(database)
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestUser? _user;

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 }).WithClock(_clock);

    [Test]
    public async Task A_subscription_that_disappears_is_subscribed_again_by_the_hourly_check_and_the_page_says_so()
    {
        var (api, id) = await ConnectMainPageAsync();
        Graph.SetSubscribed(SandboxSeed.MainPageId, false);

        _clock.Advance(TimeSpan.FromMinutes(61));
        await App.Services.GetRequiredService<ScheduledRetrieval>().RunDueAsync(CancellationToken.None);

        var integration = await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{id}");
        Assert.That(integration.GetProperty("leadgen_subscribed").GetBoolean(), Is.True);
        Assert.That(integration.GetProperty("subscription_note").GetString(), Does.Contain("subscribed it again"));
        Assert.That(Graph.GetSummary().Pages.Single(p => p.Id == SandboxSeed.MainPageId).SubscribedFields, Does.Contain("leadgen"));
        using var browser = await App.SignedInClientAsync(_user!);
        Assert.That(await browser.GetStringAsync($"/Integrations/{id}"), Does.Contain("subscribed it again"));
    }

    [Test]
    public async Task When_the_token_may_not_subscribe_again_the_test_says_so_and_the_forms_are_synced_every_minute()
    {
        var (api, id) = await ConnectMainPageAsync();
        Graph.SetSubscribed(SandboxSeed.MainPageId, false);
        // The read of subscribed_apps works; subscribing again is refused.
        Graph.SetFault(new FaultRule { Route = FaultRoutes.SubscribedApps, PageId = SandboxSeed.MainPageId, Kind = FaultKind.PermissionMissing, Permission = "pages_manage_metadata", AfterCalls = 1, Times = 1 });

        var test = await (await api.PostAsync($"/api/integrations/{id}/test", null)).Content.ReadFromJsonAsync<JsonElement>();

        var integration = test.GetProperty("integration");
        Assert.That(integration.GetProperty("leadgen_subscribed").GetBoolean(), Is.False);
        Assert.That(integration.GetProperty("subscription_note").GetString(), Does.Contain("could not subscribe it again").And.Contain("every minute"));
        Assert.That(Graph.Faults.Single().Fired, Is.EqualTo(1));
    }

    [Test]
    public async Task The_test_explains_the_fix_when_the_business_restricted_leads_access_to_other_crms()
    {
        var (api, id) = await ConnectMainPageAsync();
        Graph.SetLeadAccess(SandboxSeed.MainPageId, false);
        try
        {
            var test = await (await api.PostAsync($"/api/integrations/{id}/test", null)).Content.ReadFromJsonAsync<JsonElement>();

            var integration = test.GetProperty("integration");
            Assert.That(integration.GetProperty("has_lead_access").GetBoolean(), Is.False);
            Assert.That(integration.GetProperty("lead_access_note").GetString(), Does.Contain("Leads Access").And.Contain("assign LeadOps"));
            using var browser = await App.SignedInClientAsync(_user!);
            Assert.That(await browser.GetStringAsync($"/Integrations/{id}"), Does.Contain("restricted Leads Access to other CRMs"));
        }
        finally
        {
            Graph.SetLeadAccess(SandboxSeed.MainPageId, true);
        }
    }

    private async Task<(HttpClient Api, int Id)> ConnectMainPageAsync()
    {
        Graph.SetSubscribed(SandboxSeed.MainPageId, true);
        _user = await App.NewUserAsync();
        var api = App.ApiClient(_user);
        var integration = await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken);
        Assert.That(integration.GetProperty("leadgen_subscribed").GetBoolean(), Is.True);
        return (api, integration.GetProperty("id").GetInt32());
    }
}
