using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Scheduling;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Leads;

public sealed class ScheduledRetrievalTests(DatabaseKind database) : AppFixture(database)
{
    // The test drives the due-form pass itself; the app's own Quartz trigger stays out of the way. The pass also checks
    // and probes the page now (more calls for the page): the circuit breaker must not count the six injected
    // transient failures as an outage of the page, or the retry of the failed form would be refused outright.
    protected override TestAppBuilder Configure(TestAppBuilder app) =>
        app.WithSandbox(new() { InitialLeadsPerForm = 0 })
            .WithSetting("Scheduling:Enabled", "false")
            .WithSetting("Facebook:Resilience:CircuitBreakerMinimumThroughput", "100");

    [Test]
    public async Task Enabled_forms_are_synced_from_their_watermark_and_a_failing_form_does_not_stop_the_others()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken)).GetProperty("id").GetInt32();
        using var browser = await App.SignedInClientAsync(user);
        foreach (var form in new[] { SandboxSeed.MainTestRideFormId, SandboxSeed.MainServiceFormId })
        {
            var saved = await browser.PostFormAsync($"/Integrations/{integrationId}?handler=FormSync",
                new Dictionary<string, string> { ["formId"] = form, ["enabled"] = "true", ["interval"] = "15" }, formPage: $"/Integrations/{integrationId}");
            Assert.That(saved.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Redirect));
        }

        // Every form is synced by default now (ADR 0010): staff switch the archived one off, which only these two were not.
        var off = await browser.PostFormAsync($"/Integrations/{integrationId}?handler=FormSync",
            new Dictionary<string, string> { ["formId"] = SandboxSeed.MainArchivedFormId }, formPage: $"/Integrations/{integrationId}");
        Assert.That(off.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Redirect));

        Graph.AddLeads(SandboxSeed.MainTestRideFormId, 30);
        Graph.AddLeads(SandboxSeed.MainServiceFormId, 20);
        Graph.SetFault(new FaultRule { Route = "leads", FormId = SandboxSeed.MainTestRideFormId, Kind = FaultKind.Transient, Times = 6 }); // every attempt of both walks of the first run
        var scheduler = App.Services.GetRequiredService<ScheduledRetrieval>();

        Assert.That(await scheduler.RunDueAsync(CancellationToken.None), Is.EqualTo(2));

        var runs = (await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs").EnumerateArray().ToList();
        Assert.That(runs.Select(r => r.GetProperty("trigger").GetString()), Has.All.EqualTo("scheduled"));
        Assert.That(runs.Single(r => r.GetProperty("form_id").GetString() == SandboxSeed.MainTestRideFormId).GetProperty("outcome").GetString(), Is.EqualTo("Failed"));
        Assert.That(runs.Single(r => r.GetProperty("form_id").GetString() == SandboxSeed.MainServiceFormId).GetProperty("new_leads").GetInt32(), Is.EqualTo(20));
        var leads = await api.GetFromJsonAsync<JsonElement>("/api/leads?source=scheduled_retrieval&page_size=200");
        Assert.That(leads.GetProperty("leads").GetArrayLength(), Is.EqualTo(20));

        Assert.That(await scheduler.RunDueAsync(CancellationToken.None), Is.EqualTo(1), "the failed form is tried again next time; the synced one is not due yet");
        Assert.That((await api.GetFromJsonAsync<JsonElement>("/api/leads?source=scheduled_retrieval&page_size=200")).GetProperty("leads").GetArrayLength(), Is.EqualTo(50));

        await using var scope = App.ScopeFor(user.Id);
        var watermarks = await App.Db(scope).IntegrationForms.Where(f => f.SyncEnabled).Select(f => f.Watermark).ToListAsync();
        Assert.That(watermarks, Has.All.Not.Null);
        var lastCall = Graph.Requests.Last(r => r.Path.EndsWith($"/{SandboxSeed.MainTestRideFormId}/leads", StringComparison.Ordinal));
        Assert.That(Uri.UnescapeDataString(lastCall.QueryString), Does.Not.Contain("time_created"), "no watermark yet: the first successful run reads everything");
    }
}
