using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// A page whose token Graph refuses (error 190: a staff member removed from the page, a password change) still receives
/// the page's Messenger events: they are stored and held, shown nowhere and sent nowhere, until the owner reconnects the
/// page with a token that works (ADR 0012, "Held events").
/// </summary>
public sealed class HeldWhileTokenBrokenTests(DatabaseKind database) : InboxFixture(database)
{
    [Test]
    public async Task Messages_that_arrive_while_the_token_is_refused_are_held_unseen_and_shown_after_the_reconnect()
    {
        var staff = await NewStaffAsync();
        var integrationId = await IntegrationIdAsync(staff);
        var known = NewPsid();
        var knownId = await CustomerWritesAsync(staff, known, "Before the token stopped working");

        await TokenStopsWorkingAsync(staff, integrationId);
        var baseline = staff.Probe.Changes.Count;
        var newcomer = NewPsid();
        var escalating = NewPsid();
        Meta.CustomerSendsMessage(SandboxSeed.MainPageId, known, "Held words from the known customer");
        Meta.CustomerSendsMessage(SandboxSeed.MainPageId, newcomer, "Held words from a new customer");
        Meta.Customers.Taps(SandboxSeed.MainPageId, escalating, "Talk to a person", LeadOps.Domain.Integrations.Integration.DefaultEscalationPayload);
        await DeliveredAsync(known, newcomer, escalating);

        // A staff action on the known conversation: its push follows any the held events would have caused.
        using (var take = await staff.Api.PostAsync($"/api/conversations/{knownId}/take", null))
        {
            Assert.That(take.StatusCode, Is.EqualTo(HttpStatusCode.OK), await take.Content.ReadAsStringAsync());
        }

        await staff.Probe.WaitUntilAsync("the take's push", () => Task.FromResult(staff.Probe.Changes.Skip(baseline).Any(c => c.ConversationId == knownId && c.Kind == "conversation")));
        using var browser = await App.SignedInClientAsync(staff.User);
        var inbox = await browser.GetStringAsync("/Inbox");
        var thread = await browser.GetStringAsync($"/Inbox/Conversation/{knownId}");
        var searched = await staff.Api.GetFromJsonAsync<JsonElement>("/api/conversations?q=Held&page_size=200");
        var knownConversation = await ConversationAsync(staff, knownId);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await FindConversationAsync(staff, newcomer), Is.Null, "a conversation that began while held is not listed");
            Assert.That(await FindConversationAsync(staff, escalating), Is.Null, "nor one that asked for a person");
            Assert.That((await MessagesAsync(staff, knownId)).Select(m => m.GetProperty("text").GetString()), Is.EqualTo(new[] { "Before the token stopped working" }),
                "the conversation seen before stays, without what arrived since");
            Assert.That(knownConversation.GetProperty("last_message_preview").GetString(), Is.EqualTo("Before the token stopped working"));
            Assert.That(searched.GetProperty("conversations").GetArrayLength(), Is.Zero, "search finds none of the held words");
            Assert.That(inbox, Does.Not.Contain("Held words"));
            Assert.That(thread, Does.Contain("Before the token stopped working").And.Not.Contain("Held words"));
            Assert.That(staff.Probe.Changes.Skip(baseline).Where(c => c.ConversationId != knownId || c.MessageId is not null), Is.Empty, "nothing held was pushed");
            Assert.That(await OutgoingEventsAsync(staff), Is.Empty, "no escalation webhook or alert");
            Assert.That(await HeldCountAsync(staff), Is.EqualTo(3), "held, one row each, without their content");
            Assert.That(inbox, Does.Contain("data-test=\"held-events\""), "the Inbox says messages are held");
            Assert.That(WebUtility.HtmlDecode(inbox), Does.Contain($"{SandboxSeed.MainPageName}</strong>: 3 messages from 3 customers are held until you reconnect the page"));
            Assert.That(inbox, Does.Contain($"href=\"/Integrations/{integrationId}#reconnect\""), "with a link to reconnect");
        });

        await using (var scope = App.ScopeFor(staff.User.Id))
        {
            var bodies = await App.Db(scope).WebhookDeliveries.AsNoTracking().Select(d => d.Body).ToListAsync();
            Assert.That(bodies.Count(b => b.Contains("Held words", StringComparison.Ordinal)), Is.EqualTo(2), "nothing is lost: the held messages are stored");
        }

        Graph.ClearFaults();
        var reconnect = await browser.PostFormAsync($"/Integrations/{integrationId}?handler=Reconnect", new Dictionary<string, string> { ["NewToken"] = SandboxSeed.MainPageToken }, formPage: $"/Integrations/{integrationId}");
        Assert.That(reconnect.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var newcomerId = await staff.Probe.WaitForAsync("the newcomer's conversation pushed", async () =>
            staff.Probe.Changes.Skip(baseline).Any(c => c.MessageId is not null) ? await FindConversationAsync(staff, newcomer) is { } id ? (object)id : null : null);
        var escalated = await FindConversationAsync(staff, escalating);
        Assert.That(escalated, Is.Not.Null);
        var after = await browser.GetStringAsync("/Inbox");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That((await MessagesAsync(staff, knownId)).Select(m => m.GetProperty("text").GetString()),
                Is.EqualTo(new[] { "Before the token stopped working", "Held words from the known customer" }));
            Assert.That((await MessagesAsync(staff, (Guid)newcomerId)).Select(m => m.GetProperty("text").GetString()), Is.EqualTo(new[] { "Held words from a new customer" }));
            var newcomerConversation = await ConversationAsync(staff, (Guid)newcomerId);
            Assert.That(newcomerConversation.GetProperty("waiting_since").ValueKind, Is.EqualTo(JsonValueKind.String), "counted as waiting for an answer, as it would have been");
            Assert.That((await ConversationAsync(staff, escalated!.Value)).GetProperty("state").GetString(), Is.EqualTo("needs_human"));
            Assert.That(await OutgoingEventsAsync(staff), Is.EqualTo(new[] { "conversation.escalated" }), "the escalation goes out once shown");
            Assert.That(after, Does.Not.Contain("data-test=\"held-events\""), "nothing is held any more");
            Assert.That(await HeldCountAsync(staff), Is.Zero);
        });
    }

    [Test]
    public async Task Another_user_who_connects_the_page_does_not_get_what_was_held_for_the_first()
    {
        var first = await NewStaffAsync();
        var firstIntegration = await IntegrationIdAsync(first);
        await TokenStopsWorkingAsync(first, firstIntegration);
        var psid = NewPsid();
        Meta.CustomerSendsMessage(SandboxSeed.MainPageId, psid, "Held for the first user only");
        await DeliveredAsync(psid);
        Graph.ClearFaults();

        var second = await NewStaffAsync();
        using (var browser = await App.SignedInClientAsync(second.User))
        {
            Assert.That(await browser.GetStringAsync("/Inbox"), Does.Not.Contain("data-test=\"held-events\""));
        }

        var later = NewPsid();
        await CustomerWritesAsync(second, later, "After the second user connected");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await FindConversationAsync(second, psid), Is.Null, "the first user's held message is not the second's");
            Assert.That(await FindConversationAsync(first, later), Is.Null, "and the first user's page is still held");
            Assert.That(await HeldCountAsync(first), Is.EqualTo(2));
            Assert.That(await HeldCountAsync(second), Is.Zero);
        });
    }

    /// <summary>Graph starts refusing the page's token (error 190, subcode 460: a changed password), and a test of the integration finds it.</summary>
    private async Task TokenStopsWorkingAsync(Staff staff, int integrationId)
    {
        Graph.SetFault(new FaultRule { Route = "*", PageId = SandboxSeed.MainPageId, Kind = FaultKind.TokenInvalidated });
        var test = await (await staff.Api.PostAsync($"/api/integrations/{integrationId}/test", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(test.GetProperty("integration").GetProperty("status").GetString(), Is.EqualTo("needs_reconnect"));
    }

    /// <summary>Waits until LeadOps has worked through the latest delivery naming each customer (the messages after the last marker).</summary>
    private async Task DeliveredAsync(params string[] psids) =>
        await HangGuard.UntilAsync("the deliveries worked through", async ct =>
        {
            await using var scope = App.ScopeFor(TestApp.AdminUserId);
            var deliveries = await App.Db(scope).WebhookDeliveries.AsNoTracking().Select(d => new { d.Body, d.Status }).ToListAsync(ct);
            return psids.All(p => deliveries.Any(d => d.Body.Contains(p, StringComparison.Ordinal))) &&
                deliveries.All(d => d.Status != LeadOps.Domain.Common.WebhookDeliveryStatus.Pending);
        });

    private static async Task<int> IntegrationIdAsync(Staff staff) =>
        (await staff.Api.GetFromJsonAsync<JsonElement>("/api/integrations")).GetProperty("integrations")[0].GetProperty("id").GetInt32();

    private async Task<int> HeldCountAsync(Staff staff)
    {
        await using var scope = App.ScopeFor(staff.User.Id);
        return await App.Db(scope).HeldMessengerEvents.CountAsync();
    }

    private async Task<List<string>> OutgoingEventsAsync(Staff staff)
    {
        await using var scope = App.ScopeFor(staff.User.Id);
        return await App.Db(scope).OutgoingEvents.AsNoTracking().Select(e => e.Name).ToListAsync();
    }
}
