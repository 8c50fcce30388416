using Microsoft.Extensions.DependencyInjection;
using LeadOps.GraphSandbox;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Infrastructure.Scheduling;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.Extensions.Time.Testing;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// Lossless by default: every active form of an enabled integration is synced on a schedule without anyone switching it
/// on. The test drives the scheduler's pass on the app's fake clock.
/// </summary>
public sealed class DefaultScheduleTests(DatabaseKind database) : AppFixture(database)
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 }).WithClock(_clock);

    [Test]
    public async Task Every_active_form_is_synced_by_default_without_anyone_switching_it_on()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken);
        var forms = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId);
        Graph.AddLeads(forms[0], 4, _clock.GetUtcNow().AddDays(-2), _clock.GetUtcNow().AddDays(-1));

        await App.Services.GetRequiredService<ScheduledRetrieval>().RunDueAsync(CancellationToken.None);

        var runs = (await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs").EnumerateArray().ToList();
        Assert.That(runs.Select(r => r.GetProperty("form_id").GetString()), Is.EquivalentTo(new[] { forms[0], forms[1] }), "the two active forms, not the archived one");
        Assert.That(runs.Select(r => r.GetProperty("trigger").GetString()), Has.All.EqualTo("scheduled"));
        var leads = await api.GetFromJsonAsync<JsonElement>("/api/leads?source=scheduled_retrieval&page_size=200");
        Assert.That(leads.GetProperty("leads").GetArrayLength(), Is.EqualTo(Graph.LeadCount(forms[0]) + Graph.LeadCount(forms[1])));
    }
}
