using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using LeadOps.Application.Conversations;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Held Messenger events (ADR 0012) whose release failed when the page's token was found working again are released
/// later by the webhook worker, without anyone acting on the integration again: each once, oldest first, and what the
/// page receives meanwhile waits behind them.
/// </summary>
public sealed class HeldReleaseRetriedTests(DatabaseKind database) : InboxFixture(database)
{
    private readonly FailingRelease _failing = new();

    protected override TestAppBuilder Configure(TestAppBuilder app) => base.Configure(app).WithServices(services =>
    {
        var real = services.Last(d => d.ServiceType == typeof(IHeldMessengerEvents)).ImplementationFactory!;
        services.AddScoped<IHeldMessengerEvents>(sp =>
        {
            var proxy = DispatchProxy.Create<IHeldMessengerEvents, ReleaseThatFails>();
            ((ReleaseThatFails)(object)proxy).Use((IHeldMessengerEvents)real(sp), _failing);
            return proxy;
        });
    });

    [Test]
    public async Task A_release_that_failed_is_finished_by_the_webhook_worker_once_and_in_order()
    {
        var staff = await NewStaffAsync();
        var integrationId = (await staff.Api.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations")[0].GetProperty("id").GetInt32();
        var known = NewPsid();
        var knownId = await CustomerWritesAsync(staff, known, "Before the token stopped working");
        Meta.SetFault(new FaultRule { Route = "*", PageId = SandboxSeed.MainPageId, Kind = FaultKind.TokenInvalidated });
        var broken = await (await staff.Api.PostAsync($"/api/integrations/{integrationId}/test", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(broken.GetProperty("integration").GetProperty("status").GetString(), Is.EqualTo("needs_reconnect"));

        var newcomer = NewPsid();
        Meta.CustomerSendsMessage(SandboxSeed.MainPageId, known, "Held words from the known customer");
        Meta.CustomerSendsMessage(SandboxSeed.MainPageId, newcomer, "Held words from a new customer");
        using var limit = HangGuard.LimitTo(TimeSpan.FromSeconds(90));
        await HangGuard.UntilAsync("both messages held", async ct => await HeldCountAsync(staff, ct) == 2);

        // The token works again, and the release that follows fails (the database did not answer in time).
        Meta.ClearFaults();
        _failing.Remaining = 1;
        using var test = await staff.Api.PostAsync($"/api/integrations/{integrationId}/test", null);
        Assert.That(test.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the test of the integration answers as usual: the token works");
        Assert.That(_failing.Remaining, Is.Zero, "the release was tried and failed");

        // The known customer writes again at once: that is recorded at once, and shows after what was held before it.
        Clock.Advance(TimeSpan.FromSeconds(1));
        Meta.CustomerSendsMessage(SandboxSeed.MainPageId, known, "Written after the reconnect");
        await HangGuard.UntilAsync("the held messages released by the worker", async ct =>
            await HeldCountAsync(staff, ct) == 0 && await FindConversationAsync(staff, newcomer) is { } newcomerId &&
            (await MessagesAsync(staff, knownId)).Count == 3 && (await MessagesAsync(staff, newcomerId)).Count == 1);

        var thread = await MessagesAsync(staff, knownId);
        Assert.Multiple(() =>
        {
            Assert.That(thread.Select(m => m.GetProperty("text").GetString()),
                Is.EqualTo(new[] { "Before the token stopped working", "Held words from the known customer", "Written after the reconnect" }),
                "recorded once each, the held message shown before the one that came after it");
        });
    }

    private async Task<int> HeldCountAsync(Staff staff, CancellationToken ct)
    {
        await using var scope = App.ScopeFor(staff.User.Id);
        return await App.Db(scope).HeldMessengerEvents.CountAsync(ct);
    }

    internal sealed class FailingRelease
    {
        public int Remaining { get; set; }
    }

    /// <summary>The app's held events, whose release fails while <see cref="FailingRelease.Remaining"/> says so.</summary>
    public class ReleaseThatFails : DispatchProxy
    {
        private IHeldMessengerEvents _inner = null!;
        private FailingRelease _failing = null!;

        internal void Use(IHeldMessengerEvents inner, FailingRelease failing) => (_inner, _failing) = (inner, failing);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(IHeldMessengerEvents.ReleaseAsync) && _failing.Remaining > 0)
            {
                _failing.Remaining--;
                return Task.FromException<int>(new TimeoutException("The database did not answer in time."));
            }

            return targetMethod.Invoke(_inner, args);
        }
    }
}
