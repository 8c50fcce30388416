using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Scheduling;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// The schedule stays within Graph's budget (ADR 0010): past 75 % of the page's leadgen usage it spaces its syncs out,
/// and when Graph names a time to regain access it asks nothing before then.
/// </summary>
public sealed class ScheduleBudgetTests(DatabaseKind database) : AppFixture(database)
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    // A small leadgen budget: a handful of calls an hour reads as most of it.
    protected override TestAppBuilder Configure(TestAppBuilder app) =>
        app.WithSandbox(new() { InitialLeadsPerForm = 0, PageCallsPerHourBudget = 5 }).WithClock(_clock);

    [Test]
    public async Task Past_three_quarters_of_the_leadgen_budget_the_page_is_left_alone_for_longer()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var id = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken)).GetProperty("id").GetInt32();

        await PassAsync();
        var integration = await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{id}");
        var pausedUntil = integration.GetProperty("sync_paused_until").GetDateTimeOffset();
        Assert.That(pausedUntil, Is.GreaterThan(_clock.GetUtcNow().AddMinutes(1)), "beyond the minute cadence this page would otherwise have");
        var runs = await RunCountAsync(api);

        _clock.Advance(TimeSpan.FromMinutes(1));
        await PassAsync();
        Assert.That(await RunCountAsync(api), Is.EqualTo(runs), "no sync while the page is left alone");

        _clock.Advance(pausedUntil - _clock.GetUtcNow() + TimeSpan.FromHours(1));
        await PassAsync();
        Assert.That(await RunCountAsync(api), Is.GreaterThan(runs), "synced again once the budget came back");
    }

    [Test]
    public async Task A_throttle_that_names_a_time_to_regain_access_is_honoured()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var id = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.ExpiringTokenPageToken)).GetProperty("id").GetInt32();
        Graph.SetFault(new FaultRule { Route = FaultRoutes.Leads, PageId = SandboxSeed.ExpiringTokenPageId, Kind = FaultKind.Throttle, Code = 80005, EstimatedMinutesToRegainAccess = 45 });

        await PassAsync();

        var integration = await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{id}");
        Assert.That(integration.GetProperty("sync_paused_until").GetDateTimeOffset(), Is.EqualTo(_clock.GetUtcNow().AddMinutes(45)).Within(TimeSpan.FromMinutes(1)));
    }

    private Task<int> PassAsync() => App.Services.GetRequiredService<ScheduledRetrieval>().RunDueAsync(CancellationToken.None);

    private static async Task<int> RunCountAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs").GetArrayLength();
}
