using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Application.Leads.Stages.Commands;
using LeadOps.Domain.Leads.Stages;
using LeadOps.Domain.Outgoing;
using LeadOps.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Outgoing;

/// <summary>
/// One event or delivery that cannot be handled never holds up the others: the outgoing worker takes the oldest first,
/// round after round, so a failure that escaped used to stop every user's webhooks and alert e-mails for good.
/// </summary>
public sealed class OutgoingHeadOfLineTests(DatabaseKind database) : OutgoingFixture(database)
{
    [Test]
    public async Task Stage_names_that_JSON_writes_as_escapes_arrive_whole_and_later_events_still_go()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var user = await App.NewUserAsync();
        await RegisterAsync(user, receiver.Url, OutgoingEventNames.LeadCreated, OutgoingEventNames.LeadStageChanged);
        // Stage names at their limit in letters and signs JSON writes as six-character escapes (\uXXXX).
        var from = new string('Н', PipelineStage.NameLength - 2) + "😀";
        var to = new string('К', PipelineStage.NameLength - 4) + "<\"&>";
        Assert.That((await App.SendAsync(user, new SaveStage("new", from))).Error, Is.Null);
        Assert.That((await App.SendAsync(user, new SaveStage("qualified", to))).Error, Is.Null);
        var leadId = await CreateLeadAsync(user, integrationId: null, "Nadia Escapes");
        await DrainAsync();

        var moved = await App.SendAsync(user, new ChangeLeadStage([leadId], "qualified"));
        Assert.That(moved.Value, Is.EqualTo(1), moved.Error);
        await DrainAsync();
        await CreateLeadAsync(user, integrationId: null, "Later Lead");
        await DrainAsync();

        var events = receiver.Received.Select(r => r.Json).ToList();
        Assert.That(events.Select(e => e.GetProperty("event").GetString()), Is.EqualTo(new[] { "lead.created", "lead.stage_changed", "lead.created" }));
        Assert.Multiple(() =>
        {
            var stage = events[1].GetProperty("data").GetProperty("stage");
            Assert.That(stage.GetProperty("from").GetString(), Is.EqualTo(from));
            Assert.That(stage.GetProperty("to").GetString(), Is.EqualTo(to));
            Assert.That(events[2].GetProperty("data").GetProperty("lead").GetProperty("full_name").GetString(), Is.EqualTo("Later Lead"));
        });
    }

    [Test]
    public async Task A_stage_change_stored_with_an_unreadable_detail_is_sent_without_its_stages_and_holds_up_nothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var user = await App.NewUserAsync();
        await RegisterAsync(user, receiver.Url, OutgoingEventNames.LeadCreated, OutgoingEventNames.LeadStageChanged);
        var leadId = await CreateLeadAsync(user, integrationId: null, "Cut Detail");
        await DrainAsync();
        await using (var scope = App.ScopeFor(user.Id))
        {
            // What an earlier release stored for long stage names: the JSON cut at 500 characters and ended with "…".
            var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
            var lead = await db.Leads.SingleAsync(l => l.Id == leadId);
            db.Set<OutgoingEvent>().Add(OutgoingEvent.ForLead(OutgoingEventNames.LeadStageChanged, lead, Clock.GetUtcNow(), "{\"from\":\"\\u041D\\u041D…"));
            await db.SaveChangesAsync();
        }

        await CreateLeadAsync(user, integrationId: null, "Still Delivered");
        await DrainAsync();

        var events = receiver.Received.Select(r => r.Json).ToList();
        Assert.That(events.Select(e => e.GetProperty("event").GetString()), Is.EqualTo(new[] { "lead.created", "lead.stage_changed", "lead.created" }));
        Assert.Multiple(() =>
        {
            Assert.That(events[1].GetProperty("data").GetProperty("lead").GetProperty("id").GetInt64(), Is.EqualTo(leadId));
            var data = events[1].GetProperty("data");
            Assert.That(data.TryGetProperty("stage", out var stage) ? stage.ValueKind : JsonValueKind.Null, Is.EqualTo(JsonValueKind.Null), "no stages rather than cut ones");
            Assert.That(events[2].GetProperty("data").GetProperty("lead").GetProperty("full_name").GetString(), Is.EqualTo("Still Delivered"));
        });
    }

    [Test]
    public async Task An_event_that_cannot_be_fanned_out_stays_new_while_the_events_after_it_go()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var user = await App.NewUserAsync();
        await RegisterAsync(user, receiver.Url, OutgoingEventNames.LeadCreated);
        var unreadable = await CreateLeadAsync(user, integrationId: null, "Unreadable Answers");
        await using (var scope = App.ScopeFor(user.Id))
        {
            // A lead whose stored answers cannot be read: building its body throws.
            await App.Db(scope).Leads.Where(l => l.Id == unreadable).ExecuteUpdateAsync(s => s.SetProperty(l => l.AnswersJson, "not json"));
        }

        await CreateLeadAsync(user, integrationId: null, "After It");
        await DrainAsync();

        await using var check = App.ScopeFor(user.Id);
        var waiting = await App.Db(check).Set<OutgoingEvent>().Where(e => e.LeadId == unreadable).Select(e => e.ProcessedAt).SingleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(receiver.Received.Select(r => r.Json.GetProperty("data").GetProperty("lead").GetProperty("full_name").GetString()), Is.EqualTo(new[] { "After It" }));
            Assert.That(waiting, Is.Null, "kept, to be tried again");
        });
    }

    [Test]
    public async Task An_endpoint_whose_secret_cannot_be_read_fails_its_own_attempts_while_other_endpoints_get_theirs()
    {
        await using var broken = await WebhookReceiver.StartAsync();
        await using var healthy = await WebhookReceiver.StartAsync();
        var user = await App.NewUserAsync();
        var brokenId = await RegisterAsync(user, broken.Url, OutgoingEventNames.LeadCreated);
        await RegisterAsync(user, healthy.Url, OutgoingEventNames.LeadCreated);
        await using (var scope = App.ScopeFor(user.Id))
        {
            // A secret the key ring cannot unprotect (keys lost or rotated away).
            var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
            await db.Set<WebhookEndpoint>().Where(e => e.Id == brokenId).ExecuteUpdateAsync(s => s.SetProperty(e => e.ProtectedSecret, "CfDJ8not-a-protected-secret"));
        }

        await CreateLeadAsync(user, integrationId: null, "Two Endpoints");
        await DrainAsync();

        var list = await App.ApiClient(user).GetFromJsonAsync<JsonElement>("/api/webhook-endpoints");
        var brokenAttempts = list.GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("id").GetInt32() == brokenId).GetProperty("attempts");
        Assert.Multiple(() =>
        {
            Assert.That(healthy.Received, Has.Count.EqualTo(1), "the other endpoint is not held up");
            Assert.That(broken.Received, Is.Empty, "nothing unsigned is sent");
            Assert.That(brokenAttempts.GetArrayLength(), Is.EqualTo(1));
            Assert.That(brokenAttempts[0].GetProperty("error").GetString(), Does.Contain("signing secret"));
            Assert.That(brokenAttempts[0].GetRawText(), Does.Not.Contain("CfDJ8").And.Not.Contain("Exception"));
        });
    }

    private async Task<int> RegisterAsync(TestUser user, Uri url, params string[] events)
    {
        using var signedIn = await App.SignedInApiClientAsync(user);
        var response = await signedIn.PostAsJsonAsync("/api/webhook-endpoints", new { url = url.ToString(), events });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}
