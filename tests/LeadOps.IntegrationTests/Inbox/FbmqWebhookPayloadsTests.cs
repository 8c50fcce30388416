using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// The webhook bodies conbus/fbmq (the Python Messenger library) hands its <c>Page.handle_webhook</c> in
/// <c>tests/test_page.py</c> (and the events of <c>tests/test_events.py</c>), ids moved to this test's page, customers and
/// clock, posted signed to the real /webhook as fbmq writes them (ids as strings, <c>seq</c> on every event).
/// </summary>
public sealed class FbmqWebhookPayloadsTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    private static string Shown(JsonElement m) =>
        $"{m.GetProperty("kind").GetString()}|{m.GetProperty("direction").GetString()}|{m.GetProperty("status").GetString()}|{m.GetProperty("text").GetString()}";

    private static string Body(string @object, long time, string item) =>
        $$$"""{"object":"{{{@object}}}","entry":[{"id":"{{{Page}}}","time":{{{time}}},"messaging":[{{{item}}}]}]}""";

    private static string FromCustomer(string psid, long timestamp, string rest) =>
        $$$"""{"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{timestamp}}},{{{rest}}}}""";

    /// <summary>
    /// After a staff reply, fbmq's bodies in the order its tests post them, each twice: text with <c>seq</c>
    /// (<c>test_handle_webhook_message</c>); a read (<c>…_read</c>); an echo of another app whose <c>app_id</c> is a number
    /// (<c>…_echo</c>); a delivery receipt whose <c>timestamp</c> is <c>0</c> (<c>…_delivery</c>); account linking
    /// (<c>…_account_linking</c>); a tap with only a <c>payload</c> (<c>…_postback</c>); a quick reply, then the same
    /// <c>mid</c> with another payload (<c>…_quickreply_callback</c>); and the bodies its error test posts: one whose
    /// <c>object</c> is <c>"not_a_page"</c> and one whose event sits under a key no one knows (<c>"unknown"</c>).
    /// The receipt's <c>timestamp</c> 0 is no time (MessengerJson.Time rejects it): the receipt is dated by its entry's time.
    /// The read comes first, so the reply's final status, read, shows nothing of the receipt; the customer's words, the tap and the
    /// other app's echo are kept once each; the rest changes nothing; every delivery is processed at the first attempt.
    /// </summary>
    [Test]
    public async Task Fbmqs_bodies_are_kept_once_and_mark_the_reply()
    {
        var (staff, psid, id) = await ConversationAsync("Is the shop open on Sunday?");
        Clock.Advance(TimeSpan.FromMinutes(1));
        await ReplyWithoutSandboxWebhooksAsync(staff, id, "Yes, from 10 to 14.");
        Clock.Advance(TimeSpan.FromSeconds(5));
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var bodies = new[]
        {
            Body("page", at + 34, FromCustomer(psid, at, $$"""
                "message":{"mid":"mid.1472026867074:cfb5e1d4bde07a2a55{{psid}}","seq":812,"text":"hello world"}
                """)),
            Body("page", at + 3253, FromCustomer(psid, at + 2106, $$"""
                "read":{"watermark":{{at + 1689}},"seq":814}
                """)),
            Body("page", at + 2063, $$$"""
                {"sender":{"id":"{{{Page}}}"},"recipient":{"id":"{{{psid}}}"},"timestamp":{{{at + 1689}}},
                 "message":{"is_echo":true,"app_id":950864918368986,"mid":"mid.1472026868734:832ecbdfc1ffc30139{{{psid}}}","seq":813,"text":"hello"}}
                """),
            Body("page", at + 2100, FromCustomer(psid, 0, $$"""
                "delivery":{"mids":["mid.1472028395154:917e24ea99bc7d8f11{{psid}}"],"watermark":{{at - 1000}},"seq":821}
                """)),
            Body("page", at + 4000, FromCustomer(psid, at + 4000, """
                "account_linking":{"authorization_code":"1234567890","status":"linked"}
                """)),
            Body("page", at + 5000, FromCustomer(psid, at + 5000, """
                "postback":{"payload":"DEVELOPED_DEFINED_PAYLOAD"}
                """)),
            Body("page", at + 6041, FromCustomer(psid, at + 6000, $$"""
                "message":{"quick_reply":{"payload":"PICK_ACTION"},"mid":"mid.1472028637817:ae2763cc036a664b43{{psid}}","seq":834,"text":"Action"}
                """)),
            Body("page", at + 6041, FromCustomer(psid, at + 6000, $$"""
                "message":{"quick_reply":{"payload":"PICK_COMEDY"},"mid":"mid.1472028637817:ae2763cc036a664b43{{psid}}","seq":834,"text":"Action"}
                """)),
            Body("not_a_page", at + 7034, FromCustomer(psid, at + 7000, $$"""
                "message":{"mid":"mid.1472026867074:cfb5e1d4bde07a2a56{{psid}}","seq":812,"text":"not for a page"}
                """)),
            Body("page", at + 8034, FromCustomer(psid, at + 8000, $$"""
                "unknown":{"mid":"mid.1472026867074:cfb5e1d4bde07a2a57{{psid}}","seq":812,"text":"hello world"}
                """)),
        };
        foreach (var body in bodies)
        {
            await PostSignedWebhookAsync(body);
            await PostSignedWebhookAsync(body);
        }

        await ProcessedAsync(staff);
        var thread = await MessagesAsync(staff, id);

        Assert.Multiple(async () =>
        {
            Assert.That(await DeliveriesAsync(staff, psid), Has.Count.EqualTo(21).And.All.EqualTo((Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null)));
            Assert.That(thread.Select(Shown), Is.EqualTo(new[]
            {
                "message|inbound|received|Is the shop open on Sunday?",
                "message|outbound|read|Yes, from 10 to 14.",
                "message|inbound|received|hello world",
                "message|outbound|sent|hello",
                "postback|inbound|received|Tapped: DEVELOPED_DEFINED_PAYLOAD",
                "message|inbound|received|Action",
            }), string.Join(" | ", thread.Select(m => m.GetRawText())));
        });
    }
}
