using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Domain.Outgoing;
using LeadOps.Infrastructure.Outgoing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Outgoing;

/// <summary>
/// A failed fan-out is tried again after a wait that doubles each time (<c>OutgoingWebhooks:FirstFanOutRetryDelay</c>),
/// so quick rounds cannot use up its tries: it is set aside only after failures spread over the backoff, while the
/// events after it go.
/// </summary>
public sealed class OutgoingFanOutBackoffTests(DatabaseKind database) : OutgoingFixture(database)
{
    private const int MaxFanOutAttempts = 5;

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMinutes(1);

    protected override TestAppBuilder Configure(TestAppBuilder app) => base.Configure(app)
        .WithSetting("OutgoingWebhooks:MaxFanOutAttempts", "5")
        .WithSetting("OutgoingWebhooks:FirstFanOutRetryDelay", "00:01:00");

    [Test]
    public async Task A_failing_event_waits_out_its_backoff_and_is_set_aside_only_after_failures_spread_over_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var user = await App.NewUserAsync();
        using (var signedIn = await App.SignedInApiClientAsync(user))
        {
            var response = await signedIn.PostAsJsonAsync("/api/webhook-endpoints", new { url = receiver.Url.ToString(), events = new[] { OutgoingEventNames.LeadCreated } });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        }

        var failing = await CreateLeadAsync(user, integrationId: null, "Unreadable");
        await using (var scope = App.ScopeFor(user.Id))
        {
            // Its stored answers cannot be read: building its body throws.
            await App.Db(scope).Leads.Where(l => l.Id == failing).ExecuteUpdateAsync(s => s.SetProperty(l => l.AnswersJson, "not json"));
        }

        await CreateLeadAsync(user, integrationId: null, "After It");
        var start = Clock.GetUtcNow();
        var worker = App.Services.GetRequiredService<OutgoingWorker>();
        for (var round = 0; round < MaxFanOutAttempts; round++)
        {
            await worker.ProcessDueAsync(CancellationToken.None);
        }

        Assert.That(await EventAsync(user, failing), Is.EqualTo((1, false)), "quick rounds try it once, then it waits");
        Assert.That(receiver.Received.Select(r => r.Json.GetProperty("data").GetProperty("lead").GetProperty("full_name").GetString()),
            Is.EqualTo(new[] { "After It" }), "the event after it goes meanwhile");

        for (var failures = 1; failures < MaxFanOutAttempts; failures++)
        {
            var wait = FirstDelay * Math.Pow(2, failures - 1);
            Clock.Advance(wait - TimeSpan.FromSeconds(1));
            await worker.ProcessDueAsync(CancellationToken.None);
            Assert.That(await EventAsync(user, failing), Is.EqualTo((failures, false)), $"not tried again before its wait of {wait} is over");
            Clock.Advance(TimeSpan.FromSeconds(1));
            await worker.ProcessDueAsync(CancellationToken.None);
            Assert.That(await EventAsync(user, failing), Is.EqualTo((failures + 1, failures + 1 == MaxFanOutAttempts)), $"tried again once its wait of {wait} is over");
        }

        await using (var scope = App.ScopeFor(user.Id))
        {
            var e = await App.Db(scope).Set<OutgoingEvent>().SingleAsync(e => e.LeadId == failing);
            Assert.That(e.SetAsideAt, Is.EqualTo(start + (FirstDelay * 15)), "set aside after 1 + 2 + 4 + 8 first delays");
        }

        Assert.That(receiver.Received, Has.Count.EqualTo(1), "nothing more was sent");
    }

    private async Task<(int Attempts, bool SetAside)> EventAsync(TestUser user, long leadId)
    {
        await using var scope = App.ScopeFor(user.Id);
        var e = await App.Db(scope).Set<OutgoingEvent>().AsNoTracking().SingleAsync(e => e.LeadId == leadId);
        return (e.FanOutAttempts, e.SetAsideAt.HasValue);
    }
}
