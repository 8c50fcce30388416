using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// A reply refused before Meta is called (the customer last wrote more than 7 days ago) is stored failed with its audit
/// row and changes nothing else: a resolved conversation stays resolved, one that needs a person stays in that queue,
/// unassigned. A reply that is allowed takes the conversation, and reopens a resolved one (ADR 0007).
/// </summary>
public sealed class ReplyRefusedStateTests(DatabaseKind database) : InboxFixture(database)
{
    [TestCase("/admin/send-message")]
    [TestCase("/api/conversations/{id}/messages")]
    public async Task A_reply_refused_before_meta_is_called_leaves_a_resolved_conversation_resolved(string route)
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Thanks, that is all.");
        var resolve = await staff.Api.PostAsync($"/api/conversations/{id}/resolve", null);
        Assert.That(resolve.StatusCode, Is.EqualTo(HttpStatusCode.OK), await resolve.Content.ReadAsStringAsync());
        var before = await StoredAsync(staff, id);
        Clock.Advance(TimeSpan.FromDays(8));
        var callsBefore = SendApiCalls();

        var reply = await ReplyAsync(staff, route, id, psid, "One more thing: our summer sale starts Monday.");

        var after = await StoredAsync(staff, id);
        Assert.Multiple(async () =>
        {
            Assert.That((await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("success").GetBoolean(), Is.False, "the answer says it was not sent");
            Assert.That(SendApiCalls(), Is.EqualTo(callsBefore), "Meta is not called");
            Assert.That(before.State, Is.EqualTo("Resolved"));
            Assert.That(after, Is.EqualTo(before), "state, assignee and resolved time unchanged");
            Assert.That((await MessagesAsync(staff, id)).Single(m => m.GetProperty("sender").GetString() == "staff").GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(await SendAuditAsync(staff, id), Is.EqualTo(new[] { "refused" }));
        });
    }

    [TestCase("/admin/send-message")]
    [TestCase("/api/conversations/{id}/messages")]
    public async Task A_reply_refused_before_meta_is_called_leaves_the_conversation_in_the_needs_human_queue(string route)
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Can a person call me?");
        var escalate = await staff.Api.PostAsJsonAsync("/api/conversations/escalate", new { page_id = SandboxSeed.MainPageId, psid, reason = "wants a call" });
        Assert.That(escalate.StatusCode, Is.EqualTo(HttpStatusCode.OK), await escalate.Content.ReadAsStringAsync());
        Clock.Advance(TimeSpan.FromDays(8));

        await ReplyAsync(staff, route, id, psid, "Sorry for the wait, calling you now.");

        var conversation = await ConversationAsync(staff, id);
        var queue = await staff.Api.GetFromJsonAsync<JsonElement>("/api/conversations?state=needs_human&page_size=200");
        Assert.Multiple(async () =>
        {
            Assert.That(conversation.GetProperty("state").GetString(), Is.EqualTo("needs_human"));
            Assert.That(conversation.GetProperty("assigned_to").ValueKind, Is.EqualTo(JsonValueKind.Null), "nobody took it");
            Assert.That(queue.GetProperty("conversations").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()), Does.Contain(id), "still in the queue");
            Assert.That(await SendAuditAsync(staff, id), Is.EqualTo(new[] { "refused" }));
        });
    }

    [Test]
    public async Task A_reply_the_window_allows_reopens_a_resolved_conversation_for_its_writer()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Thanks!");
        await staff.Api.PostAsync($"/api/conversations/{id}/resolve", null);

        var reply = await ReplyAsync(staff, "/api/conversations/{id}/messages", id, psid, "You are welcome!");

        var after = await StoredAsync(staff, id);
        Assert.Multiple(async () =>
        {
            Assert.That(reply.IsSuccessStatusCode, Is.True, await reply.Content.ReadAsStringAsync());
            Assert.That(after, Is.EqualTo(new Stored("HumanActive", staff.User.Id, null)));
        });
    }

    [Test]
    public async Task A_refused_reply_retried_once_the_customer_wrote_again_takes_the_conversation_for_its_writer()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Can a person call me?");
        var escalate = await staff.Api.PostAsJsonAsync("/api/conversations/escalate", new { page_id = SandboxSeed.MainPageId, psid, reason = "wants a call" });
        Assert.That(escalate.StatusCode, Is.EqualTo(HttpStatusCode.OK), await escalate.Content.ReadAsStringAsync());
        Clock.Advance(TimeSpan.FromDays(8));
        await ReplyAsync(staff, "/api/conversations/{id}/messages", id, psid, "Sorry for the wait, calling you now.");
        var refused = (await MessagesAsync(staff, id)).Single(m => m.GetProperty("sender").GetString() == "staff").GetProperty("id").GetInt64();
        await CustomerWritesAsync(staff, psid, "Still there?");

        var retry = await staff.Api.PostAsync($"/api/conversations/{id}/messages/{refused}/retry", null);

        var after = await StoredAsync(staff, id);
        Assert.Multiple(() =>
        {
            Assert.That(retry.IsSuccessStatusCode, Is.True);
            Assert.That(after, Is.EqualTo(new Stored("HumanActive", staff.User.Id, null)), "the reply that goes out takes the conversation, as a first allowed reply does");
        });
    }

    private sealed record Stored(string State, string? AssignedTo, DateTimeOffset? ResolvedAt);

    private async Task<Stored> StoredAsync(Staff staff, Guid id)
    {
        await using var scope = App.ScopeFor(staff.User.Id);
        var c = await App.Db(scope).Conversations.AsNoTracking().SingleAsync(c => c.Id == id);
        return new Stored(c.State.ToString(), c.AssignedToUserId, c.ResolvedAt);
    }

    private static Task<HttpResponseMessage> ReplyAsync(Staff staff, string route, Guid id, string psid, string text) =>
        route.StartsWith("/admin", StringComparison.Ordinal)
            ? staff.Api.PostAsJsonAsync(route, new { conversation_id = id, recipient_id = psid, message_text = text, admin_id = staff.User.Id })
            : staff.Api.PostAsJsonAsync(route.Replace("{id}", id.ToString(), StringComparison.Ordinal), new { text });
}
