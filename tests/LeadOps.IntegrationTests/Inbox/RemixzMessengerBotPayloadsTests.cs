using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// The webhook bodies remixz/messenger-bot (a Node Messenger client) posts to its middleware in
/// <c>test/middleware-post.js</c>, ids moved to this test's page, customers and clock, posted signed to the real /webhook as
/// it writes them: the page and the customer as JSON numbers, <c>seq</c> beside the <c>mid</c>, accented text written as
/// <c>\u</c> escapes, and a delivery receipt naming one <c>mid</c> (not a <c>mids</c> list).
/// </summary>
public sealed class RemixzMessengerBotPayloadsTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    private static string Shown(JsonElement m) =>
        $"{m.GetProperty("kind").GetString()}|{m.GetProperty("direction").GetString()}|{m.GetProperty("status").GetString()}|{m.GetProperty("text").GetString()}";

    private static string Body(string psid, long at, string item) =>
        $$$"""{"object":"page","entry":[{"id":{{{Page}}},"time":{{{at + 21}}},"messaging":[{"sender":{"id":{{{psid}}}},"recipient":{"id":{{{Page}}}},"timestamp":{{{at}}},{{{item}}}}]}]}""";

    /// <summary>
    /// After a staff reply: the text "Test äëï" (escaped), the tap whose only key is that <c>payload</c>, and the receipt
    /// with one <c>mid</c>, a <c>seq</c> and a numeric <c>watermark</c>, each posted twice. The words and the tap show once, in
    /// the customer's conversation (ids as numbers are the same page and customer), and the receipt marks the reply delivered.
    /// </summary>
    [Test]
    public async Task Numeric_ids_and_a_receipt_with_one_mid_are_read()
    {
        var (staff, psid, id) = await ConversationAsync("Can I book a repair?");
        Clock.Advance(TimeSpan.FromMinutes(1));
        await ReplyWithoutSandboxWebhooksAsync(staff, id, "Sure, when suits you?");
        Clock.Advance(TimeSpan.FromSeconds(5));
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var bodies = new[]
        {
            Body(psid, at, $$"""
                "message":{"mid":"mid.1460923697625:5c96e8279b55505308{{psid}}","seq":614,"text":"Test \u00e4\u00eb\u00ef"}
                """),
            Body(psid, at + 1000, """
                "postback":{"payload":"Test \u00e4\u00eb\u00ef"}
                """),
            Body(psid, at + 2000, $$"""
                "delivery":{"mid":"mid.1460923697625:5c96e8279b55505309{{psid}}","seq":614, "watermark": {{at + 2000}}}
                """),
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
            Assert.That(await DeliveriesAsync(staff, $"\"id\":{psid}"), Has.Count.EqualTo(6).And.All.EqualTo((Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null)));
            Assert.That(thread.Select(Shown), Is.EqualTo(new[]
            {
                "message|inbound|received|Can I book a repair?",
                "message|outbound|delivered|Sure, when suits you?",
                "message|inbound|received|Test äëï",
                "postback|inbound|received|Tapped: Test äëï",
            }), string.Join(" | ", thread.Select(m => m.GetRawText())));
        });
    }
}
