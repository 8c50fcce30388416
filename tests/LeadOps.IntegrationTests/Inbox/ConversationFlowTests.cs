using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>From a customer's message to a staff reply: webhook → conversation → escalation → reply → delivered.</summary>
public sealed class ConversationFlowTests(DatabaseKind database) : InboxFixture(database)
{
    [Test]
    public async Task A_customer_message_becomes_a_conversation_the_bot_escalates_and_staff_answer_from_the_api()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Is the Urban E-200 still available in blue?");

        var conversation = await ConversationAsync(staff, id);
        Assert.Multiple(() =>
        {
            Assert.That(conversation.GetProperty("state").GetString(), Is.EqualTo("bot"));
            Assert.That(conversation.GetProperty("requires_human").GetBoolean(), Is.False);
            Assert.That(conversation.GetProperty("window").GetProperty("text").GetString(), Is.EqualTo("24 h left"));
            Assert.That(conversation.GetProperty("last_message_preview").GetString(), Is.EqualTo("Is the Urban E-200 still available in blue?"));
        });

        var escalate = await staff.Api.PostAsJsonAsync("/api/conversations/escalate", new { page_id = SandboxSeed.MainPageId, psid, reason = "asks about stock" });
        Assert.That(escalate.StatusCode, Is.EqualTo(HttpStatusCode.OK), await escalate.Content.ReadAsStringAsync());
        var escalated = await escalate.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(escalated.GetProperty("id").GetGuid(), Is.EqualTo(id));
            Assert.That(escalated.GetProperty("state").GetString(), Is.EqualTo("needs_human"));
            Assert.That(escalated.GetProperty("requires_human").GetBoolean(), Is.True);
            Assert.That(escalated.GetProperty("escalation_reason").GetString(), Is.EqualTo("asks about stock"));
        });

        var needsHuman = await staff.Api.GetFromJsonAsync<JsonElement>("/api/conversations?state=needs_human");
        Assert.That(needsHuman.GetProperty("conversations").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()), Does.Contain(id));

        var reply = await staff.Api.PostAsJsonAsync("/admin/send-message", new
        {
            conversation_id = id,
            recipient_id = psid,
            message_text = "Yes, we have two in blue. Would Saturday suit you for a test ride?",
            admin_id = staff.User.Id,
        });
        Assert.That(reply.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var answer = await reply.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(answer.GetRawText(), Is.EqualTo(JsonSerializer.Serialize(new
        {
            success = true,
            message = "Message sent successfully",
            data = new { recipient_id = psid, message = "Yes, we have two in blue. Would Saturday suit you for a test ride?" },
        })));

        var sent = SentTo(psid).Single();
        Assert.That((sent.MessagingType, sent.Tag, sent.Text), Is.EqualTo(("RESPONSE", (string?)null, "Yes, we have two in blue. Would Saturday suit you for a test ride?")));

        // Meta echoes the reply and reports it delivered: the thread shows it once, delivered.
        var staffMessage = await staff.Probe.WaitForAsync("the reply to be delivered", async () =>
            (await MessagesAsync(staff, id)).Where(m => m.GetProperty("sender").GetString() == "staff" && m.GetProperty("status").GetString() == "delivered")
                .Select(m => (object)m).FirstOrDefault());
        var thread = await MessagesAsync(staff, id);
        Assert.Multiple(() =>
        {
            Assert.That(thread.Select(m => (m.GetProperty("direction").GetString(), m.GetProperty("sender").GetString())),
                Is.EqualTo(new[] { ("inbound", "customer"), ("outbound", "staff") }), "the echo of LeadOps' own reply is not stored again");
            Assert.That(((JsonElement)staffMessage).GetProperty("mid").GetString(), Is.EqualTo(sent.MessageId));
            Assert.That(((JsonElement)staffMessage).GetProperty("sender_name").GetString(), Is.EqualTo(staff.User.Email));
        });

        var after = await ConversationAsync(staff, id);
        Assert.Multiple(() =>
        {
            Assert.That(after.GetProperty("state").GetString(), Is.EqualTo("human_active"), "replying takes the conversation");
            Assert.That(after.GetProperty("assigned_to").GetProperty("user_id").GetString(), Is.EqualTo(staff.User.Id));
            Assert.That(after.GetProperty("waiting_since").ValueKind, Is.EqualTo(JsonValueKind.Null), "answered: nobody waits");
        });
    }

    [Test]
    public async Task Staff_answer_from_the_conversation_page_and_a_double_submit_sends_once()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Do you repair cargo bikes?");
        using var browser = await App.SignedInClientAsync(staff.User);

        var inbox = await browser.GetStringAsync("/Inbox");
        Assert.That(inbox, Does.Contain($"data-conversation-id=\"{id}\"").And.Contain("Do you repair cargo bikes?"));

        var page = await browser.GetStringAsync($"/Inbox/Conversation/{id}");
        var key = System.Text.RegularExpressions.Regex.Match(page, "name=\"Reply.IdempotencyKey\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.That(key, Is.Not.Empty, "the reply form carries an idempotency key");

        var fields = new Dictionary<string, string> { ["Reply.Text"] = "Yes, every weekday.", ["Reply.IdempotencyKey"] = key };
        var first = await browser.PostFormAsync($"/Inbox/Conversation/{id}?handler=Reply", fields, formPage: $"/Inbox/Conversation/{id}");
        var second = await browser.PostFormAsync($"/Inbox/Conversation/{id}?handler=Reply", fields, formPage: $"/Inbox/Conversation/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        });

        var sent = SentTo(psid);
        Assert.That(sent, Has.Count.EqualTo(1), "the same reply twice is sent once");
        Assert.That(sent[0].MessagingType, Is.EqualTo("RESPONSE"));
        var thread = await browser.GetStringAsync($"/Inbox/Conversation/{id}");
        Assert.That(thread, Does.Contain("Yes, every weekday."));
        var replies = (await MessagesAsync(staff, id)).Count(m => m.GetProperty("sender").GetString() == "staff");
        Assert.That(replies, Is.EqualTo(1));
    }

    [TestCase(1, "RESPONSE", null)]
    [TestCase(72, "MESSAGE_TAG", "HUMAN_AGENT")]
    [TestCase(192, null, null)]
    public async Task A_reply_from_the_page_follows_the_window_and_goes_out_at_most_once(int hoursSinceCustomerWrote, string? messagingType, string? tag)
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Still there?");
        Clock.Advance(TimeSpan.FromHours(hoursSinceCustomerWrote));
        using var browser = await App.SignedInClientAsync(staff.User);
        var path = $"/Inbox/Conversation/{id}";
        var page = await browser.GetStringAsync(path);
        var key = System.Text.RegularExpressions.Regex.Match(page, "name=\"Reply.IdempotencyKey\" value=\"([^\"]+)\"").Groups[1].Value;
        var callsBefore = SendApiCalls();

        var post = await browser.PostFormAsync($"{path}?handler=Reply", new Dictionary<string, string> { ["Reply.Text"] = "Yes, here.", ["Reply.IdempotencyKey"] = key }, formPage: path);

        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        if (messagingType is null)
        {
            Assert.That(page, Does.Contain("more than 7 days old"), "the page says why no reply can go out");
            Assert.That(page, Does.Match("<textarea[^>]*disabled"), "and the reply box is closed");
            Assert.That(SendApiCalls(), Is.EqualTo(callsBefore), "a forced post is refused before Meta is called");
            Assert.That(await browser.GetStringAsync(path), Does.Contain("data-status=\"failed\""));
            return;
        }

        var sent = SentTo(psid);
        Assert.That(sent, Has.Count.EqualTo(1));
        Assert.That((sent[0].MessagingType, sent[0].Tag), Is.EqualTo((messagingType, tag)));
    }

    [TestCase(1, "RESPONSE", null)]
    [TestCase(72, "MESSAGE_TAG", "HUMAN_AGENT")]
    public async Task A_reply_goes_out_once_with_the_messaging_type_the_window_allows(int hoursSinceCustomerWrote, string messagingType, string? tag)
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hello?");
        Clock.Advance(TimeSpan.FromHours(hoursSinceCustomerWrote));

        var reply = await staff.Api.PostAsJsonAsync("/admin/send-message", new { conversation_id = id, recipient_id = psid, message_text = "Sorry for the wait!", admin_id = staff.User.Id });
        var answer = await reply.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(answer.GetProperty("success").GetBoolean(), Is.True, answer.GetRawText());

        var sent = SentTo(psid);
        Assert.That(sent, Has.Count.EqualTo(1));
        Assert.That((sent[0].MessagingType, sent[0].Tag), Is.EqualTo((messagingType, tag)));
        var staffMessage = (await MessagesAsync(staff, id)).Single(m => m.GetProperty("sender").GetString() == "staff");
        Assert.That((staffMessage.GetProperty("messaging_type").GetString(), staffMessage.GetProperty("tag").GetString()), Is.EqualTo((messagingType, tag)));
    }

    [Test]
    public async Task A_reply_8_days_after_the_customer_wrote_is_refused_without_calling_meta()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Are you open in August?");
        Clock.Advance(TimeSpan.FromDays(8));
        var callsBefore = SendApiCalls();

        var reply = await staff.Api.PostAsJsonAsync("/admin/send-message", new { conversation_id = id, recipient_id = psid, message_text = "Yes we are.", admin_id = staff.User.Id });
        var answer = await reply.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(reply.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(answer.GetProperty("success").GetBoolean(), Is.False);
            Assert.That(answer.GetProperty("message").GetString(), Is.EqualTo("Failed to send message"));
            Assert.That(answer.GetProperty("data").GetProperty("recipient_id").GetString(), Is.EqualTo(psid));
            Assert.That(answer.GetProperty("data").GetProperty("error").GetString(), Does.Contain("more than 7 days old"));
            Assert.That(SendApiCalls(), Is.EqualTo(callsBefore), "Meta is not called at all");
            Assert.That(SentTo(psid), Is.Empty);
        });

        var conversation = await staff.Api.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
        var failed = conversation.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("sender").GetString() == "staff");
        Assert.Multiple(() =>
        {
            Assert.That(conversation.GetProperty("can_reply").GetBoolean(), Is.False);
            Assert.That(conversation.GetProperty("conversation").GetProperty("window").GetProperty("text").GetString(), Is.EqualTo("Closed"));
            Assert.That(failed.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(failed.GetProperty("error_code").GetString(), Is.EqualTo("window_closed"));
        });
    }
}
