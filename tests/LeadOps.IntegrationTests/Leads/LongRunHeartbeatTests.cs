using LeadOps.Application.Leads.Commands;
using LeadOps.Domain.Leads;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Scheduling;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// Only a run whose worker died is interrupted: a retrieval that is alive but slow (Graph holds its page) for longer
/// than <see cref="RetrievalRun.QuietLimit"/> keeps beating its heartbeat and comes through the scheduler's pass still
/// Running, then finishes; a run left by a dead process, started at the same moment, is marked Interrupted by that
/// same pass. Time is the app's fake clock; the slow page is held by a handler in front of the Graph client until the
/// test lets it go.
/// </summary>
public sealed class LongRunHeartbeatTests(DatabaseKind database) : AppFixture(database)
{
    // Whole milliseconds: the database keeps times to the millisecond, so a beat reads back as the clock's time.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
    private readonly SlowPage _slow = new();

    protected override TestAppBuilder Configure(TestAppBuilder app) => app
        .WithSandbox(new() { InitialLeadsPerForm = 0 })
        .WithClock(_clock)
        .WithServices(services => services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => _slow.Handler())));

    [Test]
    public async Task A_slow_healthy_run_keeps_its_heartbeat_and_is_not_interrupted_while_a_dead_one_is()
    {
        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        var integrationId = (await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.NotSubscribedPageToken)).GetProperty("id").GetInt32();
        var forms = SandboxSeed.FormIdsOf(SandboxSeed.NotSubscribedPageId);
        Graph.AddLeads(forms[0], 3, _clock.GetUtcNow().AddDays(-2), _clock.GetUtcNow().AddDays(-1));
        _slow.FormId = forms[0];

        var dead = await DeadRunAsync(user, integrationId, forms[1]);
        var retrieval = App.SendAsync(user, new RetrieveFacebookLeads(integrationId, forms[0]));
        await _slow.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var live = await RunningRunOfAsync(user, forms[0]);

        // Ten minutes pass (beyond the three-minute quiet limit) while Graph holds the page: the live run beats every 30 s.
        for (var step = 0; step < 20; step++)
        {
            _clock.Advance(TimeSpan.FromSeconds(30));
            await HeartbeatReachesAsync(user, live, _clock.GetUtcNow());
        }

        Assert.That(_clock.GetUtcNow() - (await RunAsync(user, dead)).HeartbeatAt, Is.GreaterThan(RetrievalRun.QuietLimit));
        await App.Services.GetRequiredService<ScheduledRetrieval>().RunDueAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(120));

        var (liveAfterPass, deadAfterPass) = (await RunAsync(user, live), await RunAsync(user, dead));
        Assert.Multiple(() =>
        {
            Assert.That(liveAfterPass.Outcome, Is.EqualTo(RetrievalOutcome.Running), "the slow run's worker is alive");
            Assert.That(deadAfterPass.Outcome, Is.EqualTo(RetrievalOutcome.Interrupted), "the dead run went quiet");
        });

        _slow.Release.TrySetResult();
        var result = await retrieval.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.That(result.IsSuccess, Is.True, result.Error);
        var finished = await RunAsync(user, live);
        Assert.Multiple(() =>
        {
            Assert.That(finished.Outcome, Is.EqualTo(RetrievalOutcome.Succeeded));
            Assert.That(finished.Error, Is.Not.EqualTo(RetrievalRun.InterruptedError));
        });
    }

    /// <summary>Waits (bounded) for the live run's beat at <paramref name="at"/>: the beat is written by the worker's own timer.</summary>
    private async Task HeartbeatReachesAsync(TestUser user, long runId, DateTimeOffset at)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await RunAsync(user, runId)).HeartbeatAt < at)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"the live run did not beat at {at:O}");
            await Task.Delay(20);
        }
    }

    private async Task<RetrievalRun> RunAsync(TestUser user, long runId)
    {
        await using var scope = App.ScopeFor(user.Id);
        return await App.Db(scope).RetrievalRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
    }

    private async Task<long> RunningRunOfAsync(TestUser user, string formId)
    {
        await using var scope = App.ScopeFor(user.Id);
        return await App.Db(scope).RetrievalRuns.Where(r => r.FormId == formId && r.Outcome == RetrievalOutcome.Running).Select(r => r.Id).SingleAsync();
    }

    /// <summary>A run as a killed process leaves it: Running, started now, and nobody beats it any more.</summary>
    private async Task<long> DeadRunAsync(TestUser user, int integrationId, string formId)
    {
        await using var scope = App.ScopeFor(user.Id);
        var db = App.Db(scope);
        var run = RetrievalRun.Start(integrationId, formId, _clock.GetUtcNow());
        run.Describe("Killed mid-walk", RetrievalTrigger.Manual, null, null);
        db.RetrievalRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    /// <summary>Holds the first request for one form's leads until <see cref="Release"/>; every other request passes.</summary>
    private sealed class SlowPage
    {
        private int _held;

        public string? FormId { get; set; }

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public DelegatingHandler Handler() => new Gate(this);

        private sealed class Gate(SlowPage slow) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (slow.FormId is { } form && request.RequestUri?.AbsolutePath.EndsWith($"/{form}/leads", StringComparison.Ordinal) == true
                    && Interlocked.Exchange(ref slow._held, 1) == 0)
                {
                    slow.Entered.TrySetResult();
                    await slow.Release.Task.WaitAsync(cancellationToken);
                }

                return await base.SendAsync(request, cancellationToken);
            }
        }
    }
}
