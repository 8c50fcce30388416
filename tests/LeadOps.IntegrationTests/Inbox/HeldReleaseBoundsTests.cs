using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Webhooks;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// The webhook worker's release of held Messenger events (ADR 0012) is bounded: one pass releases at most
/// <c>Webhooks:HeldReleasesPerPass</c> events, and a held event whose release keeps failing is set aside after a few
/// passes (kept, counted on the banner, tried again when staff reconnect or test the page), so the events after it go.
/// </summary>
public sealed class HeldReleaseBoundsTests(DatabaseKind database) : InboxFixture(database)
{
    /// <summary>
    /// One held event per pass, and no webhook worker of the app's own: only the test's passes release (the worker's
    /// background round, which drains every pass it can, would otherwise race the pass a test counts), and the test
    /// processes the deliveries (<see cref="WebhookDrain.DrainAsync"/>).
    /// </summary>
    protected override TestAppBuilder Configure(TestAppBuilder app) => base.Configure(app)
        .WithSetting("Webhooks:HeldReleasesPerPass", "1")
        .WithServices(services =>
        {
            var workers = services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory?.Method.ReturnType == typeof(WebhookProcessor)).ToList();
            Assert.That(workers, Has.Count.EqualTo(1), "the webhook worker's registration");
            workers.ForEach(w => services.Remove(w));
        });

    [Test]
    public async Task A_held_event_whose_release_keeps_failing_is_set_aside_and_the_later_ones_are_released()
    {
        var (staff, integrationId) = await BrokenPageAsync();
        var first = NewPsid();
        var second = NewPsid();
        Meta.CustomerSendsMessage(SandboxSeed.MainPageId, first, "Held and unreadable");
        await HangGuard.UntilAsync("the first message held", async ct => await HeldAfterDrainAsync(staff, ct) == 1);
        Meta.CustomerSendsMessage(SandboxSeed.MainPageId, second, "Held and fine");
        await HangGuard.UntilAsync("the second message held", async ct => await HeldAfterDrainAsync(staff, ct) == 2);

        // The stored delivery of the older held event cannot be read any more: its release fails every time.
        long poisonedDelivery;
        string body;
        await using (var scope = App.ScopeFor(staff.User.Id))
        {
            var db = App.Db(scope);
            poisonedDelivery = await db.HeldMessengerEvents.OrderBy(h => h.DeliveryId).Select(h => h.DeliveryId).FirstAsync();
            body = await db.WebhookDeliveries.Where(d => d.Id == poisonedDelivery).Select(d => d.Body).SingleAsync();
            await db.WebhookDeliveries.Where(d => d.Id == poisonedDelivery).ExecuteUpdateAsync(s => s.SetProperty(d => d.Body, "{\"object\":"));
        }

        await TokenWorksAgainAsync(staff, integrationId);
        var releases = App.Services.GetRequiredService<HeldEventReleases>();
        using var limit = HangGuard.LimitTo(TimeSpan.FromSeconds(60));
        await HangGuard.UntilAsync("the later held message released", async ct =>
        {
            await releases.ReleaseDueAsync(ct);
            return await FindConversationAsync(staff, second) is { } id && (await MessagesAsync(staff, id)).Count == 1;
        });

        Assert.Multiple(async () =>
        {
            Assert.That(await HeldCountAsync(staff, CancellationToken.None), Is.EqualTo(1), "the unreadable one is kept");
            Assert.That(await FindConversationAsync(staff, first), Is.Null, "and not shown");
        });
        await AssertSetAsideAsync(staff, releases);

        // Readable again, a test of the page by staff gives it another try: it was never lost.
        await using (var scope = App.ScopeFor(staff.User.Id))
        {
            await App.Db(scope).WebhookDeliveries.Where(d => d.Id == poisonedDelivery).ExecuteUpdateAsync(s => s.SetProperty(d => d.Body, body));
        }

        using var test = await staff.Api.PostAsync($"/api/integrations/{integrationId}/test", null);
        Assert.That(test.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.Multiple(async () =>
        {
            Assert.That(await HeldCountAsync(staff, CancellationToken.None), Is.Zero);
            Assert.That(await FindConversationAsync(staff, first), Is.Not.Null);
        });
    }

    [Test]
    public async Task One_pass_releases_at_most_its_share_of_held_events()
    {
        var (staff, integrationId) = await BrokenPageAsync();
        foreach (var text in new[] { "One", "Two", "Three" })
        {
            Meta.CustomerSendsMessage(SandboxSeed.MainPageId, NewPsid(), text);
        }

        await HangGuard.UntilAsync("three messages held", async ct => await HeldAfterDrainAsync(staff, ct) == 3);
        await TokenWorksAgainAsync(staff, integrationId);

        var releases = App.Services.GetRequiredService<HeldEventReleases>();

        var first = await releases.ReleaseDueAsync(CancellationToken.None);
        Assert.That(first, Is.EqualTo(1), "one pass, one held event (Webhooks:HeldReleasesPerPass)");
        Assert.That(await HeldCountAsync(staff, CancellationToken.None), Is.EqualTo(2), "the other two wait for the next passes");

        var later = new[] { await releases.ReleaseDueAsync(CancellationToken.None), await releases.ReleaseDueAsync(CancellationToken.None) };
        Assert.That(later, Is.EqualTo(new[] { 1, 1 }), "each later pass releases its one");
        Assert.That(await HeldCountAsync(staff, CancellationToken.None), Is.Zero, "all three released");
        Assert.That(await releases.ReleaseDueAsync(CancellationToken.None), Is.Zero, "nothing is left to release");
    }

    /// <summary>A staff member whose page token Graph refuses (its Messenger events are held from now on).</summary>
    private async Task<(Staff Staff, int IntegrationId)> BrokenPageAsync()
    {
        var staff = await NewStaffAsync();
        var integrationId = (await staff.Api.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations")[0].GetProperty("id").GetInt32();
        Meta.SetFault(new FaultRule { Route = "*", PageId = SandboxSeed.MainPageId, Kind = FaultKind.TokenInvalidated });
        try
        {
            var broken = await (await staff.Api.PostAsync($"/api/integrations/{integrationId}/test", null)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.That(broken.GetProperty("integration").GetProperty("status").GetString(), Is.EqualTo("needs_reconnect"));
        }
        finally
        {
            Meta.ClearFaults();
        }

        return (staff, integrationId);
    }

    /// <summary>The token works again without a staff action releasing anything: only the webhook worker's passes do.</summary>
    private async Task TokenWorksAgainAsync(Staff staff, int integrationId)
    {
        await using var scope = App.ScopeFor(staff.User.Id);
        await App.Db(scope).Integrations.Where(i => i.Id == integrationId).ExecuteUpdateAsync(s => s.SetProperty(i => i.NeedsReconnect, false));
    }

    /// <summary>How many events are held once the deliveries that reached the app are processed.</summary>
    private async Task<int> HeldAfterDrainAsync(Staff staff, CancellationToken ct)
    {
        await App.DrainAsync();
        return await HeldCountAsync(staff, ct);
    }

    private async Task<int> HeldCountAsync(Staff staff, CancellationToken ct)
    {
        await using var scope = App.ScopeFor(staff.User.Id);
        return await App.Db(scope).HeldMessengerEvents.CountAsync(ct);
    }

    /// <summary>Set aside after the bounded number of failed releases, and not tried again by the worker's passes.</summary>
    private async Task AssertSetAsideAsync(Staff staff, HeldEventReleases releases)
    {
        await releases.ReleaseDueAsync(CancellationToken.None);
        await using var scope = App.ScopeFor(staff.User.Id);
        var row = await App.Db(scope).HeldMessengerEvents.AsNoTracking().SingleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(row.ReleaseAttempts, Is.EqualTo(Domain.Conversations.HeldMessengerEvent.MaxReleaseAttempts), "not tried after it was set aside");
            Assert.That(row.SetAsideAt, Is.Not.Null);
        });
    }
}
