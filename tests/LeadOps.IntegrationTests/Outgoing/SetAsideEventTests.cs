using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LeadOps.Application.Common.Audit;
using LeadOps.Domain.Outgoing;
using LeadOps.Infrastructure.Outgoing;
using LeadOps.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Outgoing;

/// <summary>
/// An event set aside after failed fan-outs (ADR 0024): the Webhooks page says so and staff can try it again (their own
/// events only, once per set-aside, audited); two nodes failing it at the same moment count one failure and write one
/// set-aside line.
/// </summary>
public sealed class SetAsideEventTests(DatabaseKind database) : OutgoingFixture(database)
{
    private const int MaxFanOutAttempts = 2;

    private readonly BeforeSetAsideIsSaved _beforeSetAsideIsSaved = new();

    protected override TestAppBuilder Configure(TestAppBuilder app) => base.Configure(app)
        .WithSetting("OutgoingWebhooks:MaxFanOutAttempts", MaxFanOutAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithServices(services =>
        {
            services.ConfigureDbContext<SqliteLeadOpsDbContext>(o => o.AddInterceptors(_beforeSetAsideIsSaved));
            services.ConfigureDbContext<SqlServerLeadOpsDbContext>(o => o.AddInterceptors(_beforeSetAsideIsSaved));
        });

    [Test]
    public async Task Staff_try_a_set_aside_event_again_from_the_page_once_and_it_goes_out_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var user = await App.NewUserAsync();
        await RegisterAsync(user, receiver.Url);
        var (leadId, eventId) = await SetAsideAsync(user, "Held Up");
        using var browser = await App.SignedInClientAsync(user);

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/Webhooks"));
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("data-test=\"set-aside-event\"").And.Contain(eventId.ToString("D")));
            Assert.That(page, Does.Contain("data-test=\"set-aside-line\"").And.Contain(">Set aside<").And.Contain("It can be tried again under Set aside above."),
                "the log's line without a delivery says it was set aside and can be tried again");
        });

        await using (var scope = App.ScopeFor(user.Id))
        {
            // What held it up is put right.
            await App.Db(scope).Leads.Where(l => l.Id == leadId).ExecuteUpdateAsync(s => s.SetProperty(l => l.AnswersJson, "[]"));
        }

        var tried = await browser.PostFormAsync($"/Webhooks?handler=TryAgain&eventId={eventId:D}", new Dictionary<string, string>(), formPage: "/Webhooks");
        Assert.That(tried.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await tried.Content.ReadAsStringAsync());
        Assert.That(tried.Headers.Location?.ToString(), Is.EqualTo("/Webhooks"));
        Assert.That(await EventAsync(user, leadId), Is.EqualTo((0, false, false, false)), "its attempts start afresh and it is due now");
        Assert.That(WebUtility.HtmlDecode(await browser.GetStringAsync("/Webhooks")), Does.Contain("The event will be prepared again at the next round"));

        // The same form sent again changes nothing and says why.
        var again = await browser.PostFormAsync($"/Webhooks?handler=TryAgain&eventId={eventId:D}", new Dictionary<string, string>(), formPage: "/Webhooks");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(WebUtility.HtmlDecode(await browser.GetStringAsync("/Webhooks")),
            Does.Contain("Only an event that was set aside can be tried again. It is waiting for its next try"));

        await DrainAsync();
        Assert.That(receiver.Received.Select(r => r.Json.GetProperty("data").GetProperty("lead").GetProperty("full_name").GetString()),
            Is.EqualTo(new[] { "Held Up" }), "sent once, at the next round");
        Assert.That(await EventAsync(user, leadId), Is.EqualTo((0, false, true, false)));

        var sent = await browser.PostFormAsync($"/Webhooks?handler=TryAgain&eventId={eventId:D}", new Dictionary<string, string>(), formPage: "/Webhooks");
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        page = WebUtility.HtmlDecode(await browser.GetStringAsync("/Webhooks"));
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("Only an event that was set aside can be tried again. It was prepared for its endpoints already."));
            Assert.That(page, Does.Not.Contain("data-test=\"set-aside-event\"").And.Not.Contain("It can be tried again"), "nothing is set aside any more");
            Assert.That(page, Does.Contain("data-test=\"set-aside-line\""), "the log keeps its line");
        });

        var rows = (await App.SendAsync(user, new ListAuditEntries())).Items.Where(r => r.Action == AuditActions.RetryOutgoingEvent).ToList();
        Assert.That(rows.Select(r => (r.SubjectType, r.SubjectId, r.Outcome, r.Detail, r.ActorId)),
            Is.EqualTo(new[] { (AuditActions.OutgoingEvent, eventId.ToString("D"), AuditActions.Ok, (string?)OutgoingEventNames.LeadCreated, user.Id) }), "one row, for the one change");
        Assert.That(receiver.Received, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Another_users_set_aside_event_is_not_found_and_stays_set_aside()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var owner = await App.NewUserAsync();
        await RegisterAsync(owner, receiver.Url);
        var (leadId, eventId) = await SetAsideAsync(owner, "Not Yours");
        var other = await App.NewUserAsync();
        using var browser = await App.SignedInClientAsync(other);

        var answer = await browser.PostFormAsync($"/Webhooks?handler=TryAgain&eventId={eventId:D}", new Dictionary<string, string>(), formPage: "/Webhooks");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await EventAsync(owner, leadId), Is.EqualTo((MaxFanOutAttempts, true, false, true)), "unchanged");
        Assert.That(WebUtility.HtmlDecode(await browser.GetStringAsync("/Webhooks")), Does.Not.Contain(eventId.ToString("D")), "not listed to another user");
        Assert.That((await App.SendAsync(other, new ListAuditEntries())).Items.Where(r => r.Action == AuditActions.RetryOutgoingEvent), Is.Empty);
        Assert.That((await App.SendAsync(owner, new ListAuditEntries())).Items.Where(r => r.Action == AuditActions.RetryOutgoingEvent), Is.Empty);
    }

    [Test]
    public async Task Two_nodes_failing_the_same_event_at_once_count_one_failure_and_write_one_set_aside_line()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var user = await App.NewUserAsync();
        var endpointId = await RegisterAsync(user, receiver.Url);
        var leadId = await PoisonedLeadAsync(user, "Twice Failed");
        var fanOut = App.Services.GetRequiredService<EventFanOut>();
        await fanOut.RunAsync(CancellationToken.None);
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.That(await EventAsync(user, leadId), Is.EqualTo((MaxFanOutAttempts - 1, false, false, true)), "counted once, waiting for its next try");

        // This node's last failure has been counted in memory and is about to be saved: another node fails the same
        // event from beginning to end (it read the same count) before this node writes.
        var otherNode = ActivatorUtilities.CreateInstance<EventFanOut>(App.Services);
        _beforeSetAsideIsSaved.Arm(() => otherNode.RunAsync(CancellationToken.None));
        await fanOut.RunAsync(CancellationToken.None);

        Assert.That(_beforeSetAsideIsSaved.Ran, Is.True, "the other node failed the event between this node's read and its write");
        Assert.That(await EventAsync(user, leadId), Is.EqualTo((MaxFanOutAttempts, true, false, true)), "one count: set aside after its last try");
        var list = await App.ApiClient(user).GetFromJsonAsync<JsonElement>("/api/webhook-endpoints");
        var lines = list.GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("id").GetInt32() == endpointId)
            .GetProperty("attempts").EnumerateArray().ToList();
        var setAside = lines.Where(l => l.GetProperty("error").GetString()?.Contains("set it aside", StringComparison.Ordinal) == true).ToList();
        Assert.That(setAside.Select(l => (l.GetProperty("delivery_id").GetInt64(), l.GetProperty("status_code").ValueKind, l.GetProperty("duration_ms").GetInt32())),
            Is.EqualTo(new[] { (0L, JsonValueKind.Null, 0) }), "one set-aside line (delivery_id 0: no delivery was made): " + string.Join(" | ", lines));
        Assert.That(receiver.Received, Is.Empty);
    }

    /// <summary>
    /// More set-aside events than one page holds: the page says how many there are and pages through them (as the Audit
    /// and Inbox lists do), so the 51st and the oldest can be tried again too; another user's are neither counted nor shown.
    /// </summary>
    [Test]
    public async Task Sixty_set_aside_events_are_counted_and_the_older_ones_are_a_page_away()
    {
        var user = await App.NewUserAsync();
        var integrationId = await CreateIntegrationAsync(user);
        var ids = new List<Guid>();
        await using (var scope = App.ScopeFor(user.Id))
        {
            var db = App.Db(scope);
            for (var i = 0; i < 60; i++)
            {
                var e = OutgoingEvent.ForConversation(OutgoingEventNames.ConversationEscalated, Guid.NewGuid(), integrationId, Clock.GetUtcNow(), null);
                e.FanOutFailed(Clock.GetUtcNow().AddMinutes(i), maxAttempts: 1, TimeSpan.FromMinutes(1));
                db.Add(e);
                ids.Add(e.EventId);
            }

            await db.SaveChangesAsync();
        }

        var other = await App.NewUserAsync();
        await using (var scope = App.ScopeFor(other.Id))
        {
            var e = OutgoingEvent.ForConversation(OutgoingEventNames.ConversationEscalated, Guid.NewGuid(), await CreateIntegrationAsync(other), Clock.GetUtcNow(), null);
            e.FanOutFailed(Clock.GetUtcNow().AddHours(2), maxAttempts: 1, TimeSpan.FromMinutes(1));
            App.Db(scope).Add(e);
            await App.Db(scope).SaveChangesAsync();
        }

        using var browser = await App.SignedInClientAsync(user);
        var first = WebUtility.HtmlDecode(await browser.GetStringAsync("/Webhooks"));
        var older = Regex.Match(Regex.Match(first, "<a[^>]*data-test=\"set-aside-older\"[^>]*>").Value, "href=\"([^\"]+)\"");
        Assert.Multiple(() =>
        {
            Assert.That(Regex.Count(first, "data-test=\"set-aside-event\""), Is.EqualTo(50), "a page of them");
            Assert.That(first, Does.Contain(">60 events<"), "how many there are, another user's not among them");
            Assert.That(first, Does.Contain("Page 1 of 2 · 60 events"));
            Assert.That(first, Does.Contain(ids[59].ToString("D")).And.Not.Contain(ids[9].ToString("D")), "the last set aside first");
            Assert.That(older.Success, Is.True, "a link to the older ones");
        });

        var second = WebUtility.HtmlDecode(await browser.GetStringAsync(older.Groups[1].Value));
        var listed = Regex.Matches(second, "<tr data-test=\"set-aside-event\">.*?</tr>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(older.Groups[1].Value, Does.StartWith("/Webhooks?p=2"));
            Assert.That(listed, Has.Count.EqualTo(10));
            Assert.That(listed[0], Does.Contain(ids[9].ToString("D")), "the 51st is the first of the second page");
            Assert.That(listed[^1], Does.Contain(ids[0].ToString("D")), "the oldest is reachable");
            Assert.That(listed, Has.All.Contain("data-test=\"try-again\""), "each can be tried again");
            Assert.That(second, Does.Contain("Page 2 of 2 · 60 events").And.Contain("data-test=\"set-aside-newer\"").And.Not.Contain("data-test=\"set-aside-older\""));
        });

        // Tried again from the second page, the answer leads back to it.
        var tried = await browser.PostFormAsync($"/Webhooks?handler=TryAgain&eventId={ids[0]:D}&p=2", new Dictionary<string, string>(), formPage: "/Webhooks?p=2");
        Assert.That(tried.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await tried.Content.ReadAsStringAsync());
        Assert.That(tried.Headers.Location?.ToString(), Is.EqualTo("/Webhooks?p=2"));

        // A page past the end (a stale link, or the last event of the last page tried) is the last page there is.
        var beyond = WebUtility.HtmlDecode(await browser.GetStringAsync("/Webhooks?p=9"));
        Assert.That(beyond, Does.Contain("Page 2 of 2 · 59 events"));
    }

    /// <summary>A lead whose event is set aside: its stored answers cannot be read, so each fan-out fails.</summary>
    private async Task<(long LeadId, Guid EventId)> SetAsideAsync(TestUser user, string fullName)
    {
        var leadId = await PoisonedLeadAsync(user, fullName);
        var fanOut = App.Services.GetRequiredService<EventFanOut>();
        for (var round = 0; round < MaxFanOutAttempts; round++)
        {
            await fanOut.RunAsync(CancellationToken.None);
            Clock.Advance(TimeSpan.FromHours(1)); // past the backoff
        }

        await using var scope = App.ScopeFor(user.Id);
        var e = await App.Db(scope).Set<OutgoingEvent>().AsNoTracking().SingleAsync(e => e.LeadId == leadId);
        Assert.That(e.SetAsideAt, Is.Not.Null);
        return (leadId, e.EventId);
    }

    private async Task<long> PoisonedLeadAsync(TestUser user, string fullName)
    {
        var leadId = await CreateLeadAsync(user, integrationId: null, fullName);
        await using var scope = App.ScopeFor(user.Id);
        await App.Db(scope).Leads.Where(l => l.Id == leadId).ExecuteUpdateAsync(s => s.SetProperty(l => l.AnswersJson, "not json"));
        return leadId;
    }

    private async Task<(int Attempts, bool SetAside, bool Processed, bool Waiting)> EventAsync(TestUser user, long leadId)
    {
        await using var scope = App.ScopeFor(user.Id);
        var e = await App.Db(scope).Set<OutgoingEvent>().AsNoTracking().SingleAsync(e => e.LeadId == leadId);
        return (e.FanOutAttempts, e.SetAsideAt.HasValue, e.ProcessedAt.HasValue, e.NextFanOutAt.HasValue);
    }

    private async Task<int> RegisterAsync(TestUser user, Uri url)
    {
        using var signedIn = await App.SignedInApiClientAsync(user);
        var response = await signedIn.PostAsJsonAsync("/api/webhook-endpoints", new { url = url.ToString(), events = new[] { OutgoingEventNames.LeadCreated } });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>Runs an armed step once, when a save is about to set an outgoing event aside.</summary>
    private sealed class BeforeSetAsideIsSaved : SaveChangesInterceptor
    {
        private Func<Task>? _armed;

        public bool Ran { get; private set; }

        public void Arm(Func<Task> step) => _armed = step;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is { } db
                && db.ChangeTracker.Entries<OutgoingEvent>().Any(e => e.State == EntityState.Modified && e.Entity.SetAsideAt != null)
                && Interlocked.Exchange(ref _armed, null) is { } step)
            {
                await step();
                Ran = true;
            }

            return result;
        }
    }
}
