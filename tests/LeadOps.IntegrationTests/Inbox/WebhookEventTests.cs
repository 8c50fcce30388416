using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>Replays, echoes and receipts: every Messenger event is stored once, whatever Meta sends twice.</summary>
public sealed class WebhookEventTests(DatabaseKind database) : InboxFixture(database)
{
    [Test]
    public async Task A_replayed_customer_message_is_stored_once()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "First message");
        await Meta.WhenWebhooksDrainedAsync();
        var original = Meta.WebhookDeliveries.Last(d => d.Field == "messages" && d.Body.Contains(psid, StringComparison.Ordinal));

        // Meta delivers the same event again (same bytes, same signature), three times.
        for (var i = 0; i < 3; i++)
        {
            await ReplayAsync(original);
        }

        // The next message is processed after the replays (deliveries are worked through in order): once it shows, they are done.
        var marker = Meta.CustomerSendsMessage(SandboxSeed.MainPageId, psid, "Second message");
        await WaitForMessageAsync(staff, psid, marker);

        var texts = (await MessagesAsync(staff, id)).Select(m => m.GetProperty("text").GetString());
        Assert.That(texts, Is.EqualTo(new[] { "First message", "Second message" }));
    }

    [Test]
    public async Task The_echo_of_a_leadops_reply_is_not_doubled_and_a_reply_typed_in_metas_inbox_appears()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Can I pay by card?");
        var reply = await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Yes, any card." });
        Assert.That((await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("success").GetBoolean(), Is.True);

        // Meta's echo of that reply comes first, then the delivery: once delivered shows, the echo was handled.
        await staff.Probe.WaitUntilAsync("the reply to be delivered", async () =>
            (await MessagesAsync(staff, id)).Any(m => m.GetProperty("sender").GetString() == "staff" && m.GetProperty("status").GetString() == "delivered"));

        // A minute later someone answers in Meta's own inbox (an echo LeadOps did not send, without an app id).
        Clock.Advance(TimeSpan.FromMinutes(1));
        var at = Clock.GetUtcNow();
        await PostSignedWebhookAsync(EchoBody(psid, "m_meta_inbox_" + psid, "We also take cash.", at));
        await PostSignedWebhookAsync(EchoBody(psid, "m_meta_inbox_" + psid, "We also take cash.", at));
        await staff.Probe.WaitUntilAsync("the Meta inbox reply", async () =>
            (await MessagesAsync(staff, id)).Any(m => m.GetProperty("sender").GetString() == "page_inbox"));
        var marker = Meta.CustomerSendsMessage(SandboxSeed.MainPageId, psid, "Thanks!");
        await WaitForMessageAsync(staff, psid, marker);

        var thread = (await MessagesAsync(staff, id)).Select(m => (m.GetProperty("sender").GetString(), m.GetProperty("text").GetString())).ToList();
        Assert.That(thread, Is.EqualTo(new[]
        {
            ("customer", "Can I pay by card?"),
            ("staff", "Yes, any card."),
            ("page_inbox", "We also take cash."),
            ("customer", "Thanks!"),
        }));
    }

    [Test]
    public async Task A_read_receipt_marks_sent_messages_read_and_never_moves_them_back()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hi");
        await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Hello! How can we help?" });
        await staff.Probe.WaitUntilAsync("delivered", async () =>
            (await MessagesAsync(staff, id)).Any(m => m.GetProperty("status").GetString() == "delivered"));

        Clock.Advance(TimeSpan.FromSeconds(5));
        var read = JsonSerializer.Serialize(new
        {
            @object = "page",
            entry = new[]
            {
                new
                {
                    id = SandboxSeed.MainPageId,
                    time = Clock.GetUtcNow().ToUnixTimeMilliseconds(),
                    messaging = new object[]
                    {
                        new { sender = new { id = psid }, recipient = new { id = SandboxSeed.MainPageId }, timestamp = Clock.GetUtcNow().ToUnixTimeMilliseconds(), read = new { watermark = Clock.GetUtcNow().ToUnixTimeMilliseconds() } },
                    },
                },
            },
        });
        await PostSignedWebhookAsync(read);
        await staff.Probe.WaitUntilAsync("read", async () =>
            (await MessagesAsync(staff, id)).Any(m => m.GetProperty("status").GetString() == "read"));

        // A late delivery receipt for the same message changes nothing.
        await ReplayAsync(Meta.WebhookDeliveries.Last(d => d.Field == "message_deliveries" && d.Body.Contains(psid, StringComparison.Ordinal)));
        var marker = Meta.CustomerSendsMessage(SandboxSeed.MainPageId, psid, "Great");
        await WaitForMessageAsync(staff, psid, marker);
        var staffMessage = (await MessagesAsync(staff, id)).Single(m => m.GetProperty("sender").GetString() == "staff");
        Assert.That(staffMessage.GetProperty("status").GetString(), Is.EqualTo("read"));
    }
}
