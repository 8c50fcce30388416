using Microsoft.Extensions.DependencyInjection;
using LeadOps.GraphSandbox;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Domain.Leads;
using LeadOps.Infrastructure.Scheduling;
using LeadOps.IntegrationTests.Integrations;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>Runs end: a run whose worker died is marked Interrupted within minutes, at start-up and by the nodes still running.</summary>
public sealed class InterruptedRunTests(DatabaseKind database) : AppFixture(database)
{
    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new() { InitialLeadsPerForm = 0 });

    [Test]
    public async Task A_run_left_running_by_a_stopped_process_is_interrupted_when_the_app_starts_again_within_the_hour()
    {
        var (user, api, integrationId) = await ConnectedUserAsync();
        var runId = await RunningRunAsync(user, integrationId, SandboxSeed.NotSubscribedFormId, startedAgo: TimeSpan.FromMinutes(10));

        await using (await TestApp.Create(Database).OnDatabase(App.ConnectionString).WithSharedSandbox(App.Sandbox).StartAsync())
        {
            // Starting is enough: the second node looks at the runs while it starts.
        }

        var run = await api.GetFromJsonAsync<JsonElement>($"/api/facebook-lead-retrieval/runs/{runId}");
        Assert.That(run.GetProperty("outcome").GetString(), Is.EqualTo("Interrupted"));
        Assert.That(run.GetProperty("finished_at").ValueKind, Is.Not.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task A_run_whose_worker_died_is_interrupted_by_the_next_scheduler_pass_and_its_form_is_retried()
    {
        var (user, api, integrationId) = await ConnectedUserAsync();
        var form = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId)[1];
        var runId = await RunningRunAsync(user, integrationId, form, startedAgo: TimeSpan.FromMinutes(10));

        await App.Services.GetRequiredService<ScheduledRetrieval>().RunDueAsync(CancellationToken.None);

        var runs = (await api.GetFromJsonAsync<JsonElement>("/api/facebook-lead-retrieval/runs")).GetProperty("runs").EnumerateArray().ToList();
        Assert.That(runs.Single(r => r.GetProperty("id").GetInt64() == runId).GetProperty("outcome").GetString(), Is.EqualTo("Interrupted"));
        Assert.That(runs.Where(r => r.GetProperty("form_id").GetString() == form && r.GetProperty("id").GetInt64() != runId)
            .Select(r => r.GetProperty("outcome").GetString()), Has.Some.EqualTo("Succeeded"), "the next sync retrieved the form again");
    }

    private async Task<(TestUser User, HttpClient Api, int IntegrationId)> ConnectedUserAsync()
    {
        var user = await App.NewUserAsync();
        var api = App.ApiClient(user);
        var integration = await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken);
        return (user, api, integration.GetProperty("id").GetInt32());
    }

    /// <summary>A run as a process leaves it when it is killed mid-walk: Running, started a while ago, never finished.</summary>
    private async Task<long> RunningRunAsync(TestUser user, int integrationId, string formId, TimeSpan startedAgo)
    {
        await using var scope = App.ScopeFor(user.Id);
        var db = App.Db(scope);
        var run = RetrievalRun.Start(integrationId, formId, App.Clock.GetUtcNow() - startedAgo);
        run.Describe("Killed mid-walk", RetrievalTrigger.Manual, null, null);
        db.RetrievalRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }
}
