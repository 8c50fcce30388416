using LeadOps.Domain.Leads;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Scheduling;
using LeadOps.IntegrationTests.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// The soak test run once more with every webhook dropped and the default configuration (<see cref="NoLeadLostTests"/>
/// runs it with lost and repeated webhooks): a thousand leads submitted at seeded random moments over half an hour of
/// sandbox time, on top of two months of history. The app and the sandbox share a fake clock, which the test moves in
/// steps of five seconds, running the scheduler's pass every 15 seconds as its timer would (<c>Scheduling:PollInterval</c>).
/// </summary>
public sealed class NoLeadLostWithoutWebhooksTests(DatabaseKind database) : AppFixture(database)
{
    private const int Leads = 1000;
    private static readonly TimeSpan Span = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Pass = TimeSpan.FromSeconds(15);
    private static readonly string[] Forms = [SandboxSeed.MainTestRideFormId, SandboxSeed.MainServiceFormId];

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    // Only the schedule brings leads in (every webhook is dropped); welcomes are queued, not sent, so their rows can be counted.
    protected override TestAppBuilder Configure(TestAppBuilder app) => app
        .WithSandbox(new() { Seed = 7, InitialLeadsPerForm = 0, WebhookDropRate = 1.0 })
        .WithClock(_clock)
        .WithSetting("Welcome:WorkerEnabled", "false");

    [Test]
    [Category(TestCategories.Slow)]
    public async Task With_every_webhook_dropped_each_lead_is_stored_within_two_minutes_and_only_recent_ones_are_welcomed()
    {
        var history = new List<string>();
        foreach (var form in Forms)
        {
            Graph.AddLeads(form, 100, _clock.GetUtcNow().AddDays(-60), _clock.GetUtcNow().AddDays(-2));
        }

        var user = await App.NewUserAsync();
        using var api = App.ApiClient(user);
        await IntegrationsApiTests.ConnectAsync(api, SandboxSeed.MainPageToken);
        var scheduler = App.Services.GetRequiredService<ScheduledRetrieval>();
        await scheduler.RunDueAsync(CancellationToken.None);
        await using (var scope = App.ScopeFor(user.Id))
        {
            history.AddRange(await App.Db(scope).Leads.Select(l => l.FacebookLeadId).ToListAsync());
        }

        Assert.That(history, Has.Count.EqualTo(200), "the first walks backfilled the history");

        var random = new Random(7);
        var start = _clock.GetUtcNow();
        var plan = Enumerable.Range(0, Leads).Select(_ => start + TimeSpan.FromTicks((long)(random.NextDouble() * Span.Ticks))).Order().ToList();
        var submitted = new Dictionary<string, DateTimeOffset>();
        var sincePass = TimeSpan.Zero;
        while (_clock.GetUtcNow() < start + Span + TimeSpan.FromMinutes(3))
        {
            var now = _clock.GetUtcNow();
            foreach (var at in plan.TakeWhile(t => t <= now).ToList())
            {
                plan.Remove(at);
                submitted[Graph.SubmitLeads(Forms[submitted.Count % Forms.Length], 1).Single()] = now;
            }

            _clock.Advance(Step);
            sincePass += Step;
            if (sincePass >= Pass)
            {
                sincePass = TimeSpan.Zero;
                await scheduler.RunDueAsync(CancellationToken.None);
            }
        }

        Assert.That(submitted, Has.Count.EqualTo(Leads));
        Assert.That(Graph.WebhookDeliveries.Where(d => d.Field == "leadgen").Select(d => d.Status), Has.All.EqualTo(WebhookDeliveryStatus.Dropped), "no webhook reached the app");
        await using var check = App.ScopeFor(user.Id);
        var db = App.Db(check);
        var stored = await db.Leads.AsNoTracking().Select(l => new { l.Id, l.FacebookLeadId, l.FirstSeenAt }).ToListAsync();
        var late = submitted.Where(s => stored.SingleOrDefault(l => l.FacebookLeadId == s.Key) is not { } lead || lead.FirstSeenAt - s.Value > TimeSpan.FromMinutes(2)).ToList();
        Assert.That(late, Is.Empty, $"every lead stored within two minutes of sandbox time; the worst took {stored.Where(l => submitted.ContainsKey(l.FacebookLeadId)).Max(l => l.FirstSeenAt - submitted[l.FacebookLeadId])}");
        Assert.That(stored, Has.Count.EqualTo(Leads + history.Count), "each lead once");
        var waits = stored.Where(l => submitted.ContainsKey(l.FacebookLeadId)).Select(l => (l.FirstSeenAt - submitted[l.FacebookLeadId]).TotalSeconds).Order().ToList();
        TestContext.Out.WriteLine($"submission to stored, sandbox time: p50 {waits[waits.Count / 2]:0} s, p99 {waits[(int)(waits.Count * 0.99)]:0} s, max {waits[^1]:0} s");

        var rows = await db.OutboxMessages.AsNoTracking().Select(o => new { o.LeadId, o.Status, o.LastError }).ToListAsync();
        var byLead = stored.ToDictionary(l => l.Id, l => l.FacebookLeadId);
        var recent = rows.Where(r => submitted.ContainsKey(byLead[r.LeadId])).ToList();
        var old = rows.Where(r => history.Contains(byLead[r.LeadId])).ToList();
        Assert.That(recent.Select(r => r.LeadId).Distinct().Count(), Is.EqualTo(Leads), "one welcome row for each recent lead");
        Assert.That(recent, Has.Count.EqualTo(Leads), "and only one");
        Assert.That(recent.Select(r => r.Status), Has.All.EqualTo(OutboxStatus.Pending), "each recent lead's welcome is queued");
        Assert.That(old.Where(r => r.Status != OutboxStatus.Skipped), Is.Empty, "no welcome queued for history");
        Assert.That(old.Select(r => r.LastError), Has.All.EqualTo("Skipped (older than 24 h when found)"));
    }
}
