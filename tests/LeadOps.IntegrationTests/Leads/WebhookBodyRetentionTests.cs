using System.Globalization;
using LeadOps.Application.Common;
using LeadOps.Application.Integrations;
using LeadOps.Domain.Common;
using LeadOps.Domain.Conversations;
using LeadOps.Domain.Integrations;
using LeadOps.Infrastructure.Persistence;
using LeadOps.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// Raw webhook bodies are not kept for ever (ADR 0005): the webhook worker's idle pass empties the body of a done
/// delivery older than Webhooks:KeepBodiesFor, and keeps the row; the bodies a retry or a held event's release still
/// reads stay. The app runs on a fake clock, so the bodies age by moving it.
/// </summary>
public sealed class WebhookBodyRetentionTests(DatabaseKind database) : AppFixture(database)
{
    /// <summary>A Messenger opt-in: its token is what must not stay in plain text.</summary>
    private const string Body =
        """{"object":"page","entry":[{"id":"100000000000777","time":1,"messaging":[{"sender":{"id":"7001"},"recipient":{"id":"100000000000777"},"timestamp":1,"optin":{"type":"notification_messages","notification_messages_token":"secret-token-in-plain-text"}}]}]}""";

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithClock(_clock);

    [Test]
    public async Task The_worker_empties_the_bodies_of_old_done_deliveries_and_keeps_the_ones_still_needed()
    {
        var user = await App.NewUserAsync();
        var integrationId = await CreateHoldingIntegrationAsync(user);
        var now = _clock.GetUtcNow();
        var old = now - TimeSpan.FromDays(31);
        var oldProcessed = await StoreAsync(WebhookDeliveryStatus.Processed, old);
        var oldUnroutable = await StoreAsync(WebhookDeliveryStatus.Unroutable, old);
        var recent = await StoreAsync(WebhookDeliveryStatus.Processed, now - TimeSpan.FromDays(29));
        var oldFailed = await StoreAsync(WebhookDeliveryStatus.Failed, old);
        var oldPending = await StoreAsync(WebhookDeliveryStatus.Pending, old);
        var oldHeld = await StoreAsync(WebhookDeliveryStatus.Processed, old);
        await using (var scope = App.ScopeFor(user.Id))
        {
            var db = App.Db(scope);
            db.HeldMessengerEvents.Add(HeldMessengerEvent.Hold(integrationId, oldHeld, 0, "OptIn", "7001", old));
            await db.SaveChangesAsync();
        }

        // An hour after the worker's last idle pass, it runs again on its own (woken here rather than at its next poll).
        _clock.Advance(TimeSpan.FromHours(2));
        App.Services.GetRequiredService<WebhookSignal>().Wake();
        using var limit = HangGuard.LimitTo(TimeSpan.FromSeconds(60));
        await HangGuard.UntilAsync("the old processed delivery's body emptied", async ct => (await BodiesAsync(ct))[oldProcessed] == "");

        var bodies = await BodiesAsync(CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(bodies[oldUnroutable], Is.Empty, "an old unroutable delivery is done too");
            Assert.That(bodies[recent], Is.EqualTo(Body), "a delivery younger than KeepBodiesFor keeps its body");
            Assert.That(bodies[oldFailed], Is.EqualTo(Body), "a Failed delivery keeps its body: staff may retry it");
            Assert.That(bodies[oldPending], Is.EqualTo(Body), "a Pending delivery keeps its body: its retry reads it");
            Assert.That(bodies[oldHeld], Is.EqualTo(Body), "a delivery that held events still name keeps its body: their release reads it");
            Assert.That(bodies.Keys, Is.SupersetOf(new[] { oldProcessed, oldUnroutable, recent, oldFailed, oldPending, oldHeld }), "every row is kept");
        });
    }

    [Test]
    public async Task A_negative_KeepBodiesFor_is_refused_at_start()
    {
        var refused = Assert.CatchAsync(async () =>
        {
            await using var app = await TestApp.Create(Database).WithSetting("Webhooks:KeepBodiesFor", "-1.00:00:00").StartAsync();
        });

        Assert.That(Messages(refused!), Does.Contain("Webhooks:KeepBodiesFor must not be negative"));
    }

    [Test]
    public async Task Zero_keeps_the_bodies_for_ever()
    {
        await using var app = await TestApp.Create(Database).WithClock(new FakeTimeProvider(DateTimeOffset.UtcNow))
            .WithSetting("Webhooks:KeepBodiesFor", "00:00:00").StartAsync();
        var retention = app.Services.GetRequiredService<WebhookBodyRetention>();

        Assert.That(await retention.EmptyIfDueAsync(CancellationToken.None), Is.Zero);
    }

    private static string Messages(Exception e) => e.InnerException is { } inner ? e.Message + " | " + Messages(inner) : e.Message;

    /// <summary>An integration whose token Graph refused: the Messenger events of its page are held.</summary>
    private async Task<int> CreateHoldingIntegrationAsync(TestUser owner)
    {
        await using var scope = App.ScopeFor(owner.Id);
        var integration = new Integration
        {
            Name = "Held page",
            PageId = Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(CultureInfo.InvariantCulture),
            ProtectedToken = "not-used-here",
            TokenLast4 = "abcd",
            CreatedAt = _clock.GetUtcNow(),
        };
        integration.RecordTokenInvalid("Error validating access token");
        scope.ServiceProvider.GetRequiredService<IIntegrationRepository>().Add(integration);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        return integration.Id;
    }

    /// <summary>A delivery as the worker leaves it; a Pending one waits for a retry far ahead, so the worker leaves it alone.</summary>
    private async Task<long> StoreAsync(WebhookDeliveryStatus status, DateTimeOffset receivedAt)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
        var delivery = new WebhookDelivery
        {
            Body = Body,
            ReceivedAt = receivedAt,
            Status = status,
            Attempts = 1,
            NextAttemptAt = status == WebhookDeliveryStatus.Pending ? _clock.GetUtcNow().AddYears(1) : receivedAt,
            ProcessedAt = status is WebhookDeliveryStatus.Processed or WebhookDeliveryStatus.Unroutable ? receivedAt : null,
        };
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync();
        return delivery.Id;
    }

    private async Task<Dictionary<long, string>> BodiesAsync(CancellationToken ct)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>().WebhookDeliveries.AsNoTracking()
            .ToDictionaryAsync(d => d.Id, d => d.Body, ct);
    }
}
