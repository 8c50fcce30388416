using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Scheduling;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// Reconciliation (ADR 0010): once a day per form Meta's count (the form's leads_count) is compared with LeadOps'; a gap
/// starts a walk of the whole form, and the form shows both counts.
/// </summary>
public sealed class ReconciliationTests(DatabaseKind database) : AppFixture(database)
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 }).WithClock(_clock);

    [Test]
    public async Task A_daily_gap_between_metas_count_and_leadops_starts_a_walk_of_the_whole_form_that_finds_what_incremental_syncs_cannot()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var id = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken)).GetProperty("id").GetInt32();
        var form = SandboxSeed.NotSubscribedFormId;
        Graph.AddLeads(form, 10, _clock.GetUtcNow().AddDays(-20), _clock.GetUtcNow().AddDays(-10));
        await PassAsync();
        Assert.That(await HeldAsync(api, form), Is.EqualTo(10), "the first walk");

        // Leads that turn up with old creation times (no webhook): the incremental syncs start at the watermark and miss them.
        Graph.AddLeads(form, 3, _clock.GetUtcNow().AddDays(-9), _clock.GetUtcNow().AddDays(-8));
        for (var minute = 0; minute < 5; minute++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await PassAsync();
        }

        Assert.That(await HeldAsync(api, form), Is.EqualTo(10), "incremental syncs cannot see them");

        _clock.Advance(TimeSpan.FromDays(1));
        await PassAsync();

        Assert.That(await HeldAsync(api, form), Is.EqualTo(13), "the reconciliation's walk of the whole form found them");
        var shown = (await api.GetFromJsonAsync<JsonElement>($"/api/integrations/{id}")).GetProperty("forms").EnumerateArray().Single(f => f.GetProperty("id").GetString() == form);
        Assert.That(shown.GetProperty("reconciliation").GetString(), Is.EqualTo("Meta counted 13, LeadOps held 10: the form was walked again."));
        var runs = (await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs");
        Assert.That(runs[0].GetProperty("since").ValueKind, Is.EqualTo(JsonValueKind.Null), "a walk of the whole form");
    }

    private Task<int> PassAsync() => App.Services.GetRequiredService<ScheduledRetrieval>().RunDueAsync(CancellationToken.None);

    private static async Task<int> HeldAsync(HttpClient api, string form) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/leads?form_id={form}&page_size=200")).GetProperty("leads").GetArrayLength();
}
