using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// The webhook bodies microsoft/botbuilder-dotnet's Facebook adapter tests read
/// (<c>tests/Adapters/Microsoft.Bot.Builder.Adapters.Facebook.Tests/Files/</c>), ids moved to this test's page, customers and
/// clock, posted signed to the real /webhook.
/// </summary>
public sealed class BotbuilderFacebookAdapterPayloadsTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    private static string Shown(JsonElement m) =>
        $"{m.GetProperty("kind").GetString()}|{m.GetProperty("direction").GetString()}|{m.GetProperty("text").GetString()}|" +
        string.Join(",", m.GetProperty("attachments").EnumerateArray().Select(a => $"{a.GetProperty("type").GetString()}:{a.GetProperty("url").GetString()}"));

    /// <summary>
    /// <c>FacebookMessages.json</c>'s items as the adapter's model writes them, every key it knows present and <c>null</c> when
    /// unused (<c>messaging_type</c>, <c>tag</c>, <c>notification_type</c>, <c>persona_id</c>, <c>sender_action</c>,
    /// <c>post_back</c>, <c>optin</c>) and <c>"standby":false</c> on the event itself: an item that carries no event
    /// (<c>"message":null</c>), an opt-in whose <c>sender</c> is <c>null</c> and names only a <c>user_ref</c>, text without a
    /// <c>mid</c> beside <c>"sticker_id":null,"attachments":null,"attachment":null,"metadata":null</c>, three image attachments
    /// with the same link (payloads with <c>"is_reusable":false</c> and <c>null</c>s), and a tap with only a title and a payload;
    /// and <c>PayloadWithStandby.json</c>'s entry, whose <c>standby</c> list holds two items with only a <c>sender</c> and a
    /// <c>recipient</c>, beside a message in <c>messaging</c>. The body comes twice: the words, the three pictures and the tap
    /// are kept once each, the empty items start nothing, nothing fails.
    /// </summary>
    [Test]
    public async Task Botbuilders_adapter_models_with_nulls_everywhere_keep_the_customers_words_once()
    {
        var staff = await NewStaffAsync();
        var (psid, empty, standbyOne, standbyTwo) = (NewPsid(), NewPsid(), NewPsid(), NewPsid());
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        const string Unused = """ "messaging_type":null,"tag":null,"notification_type":null,"persona_id":null,"sender_action":null,"standby":false,"post_back":null,"optin":null """;
        const string Image = """{"type":"image","payload":{"url":"https://scontent.xx.fbcdn.net/v/t1.15752-9/bike.jpg","sticker_id":null,"is_reusable":false,"attachment_id":null}}""";
        var body = $$$"""
            {"object":"page","entry":[{"id":"{{{Page}}}","time":{{{at}}},
              "standby":[{"sender":{"id":"{{{standbyOne}}}"},"recipient":{"id":"{{{Page}}}"}},{"sender":{"id":"{{{standbyTwo}}}"},"recipient":{"id":"{{{Page}}}"}}],
              "messaging":[
              {"recipient":{"id":"{{{Page}}}"},"sender":{"id":"{{{empty}}}"},"message":null,{{{Unused}}},"timestamp":{{{at}}}},
              {"recipient":{"id":"{{{Page}}}"},"sender":null,"message":null,"messaging_type":null,"tag":null,"notification_type":null,"persona_id":null,"sender_action":null,"timestamp":{{{at}}},"standby":false,"post_back":null,"optin":{"user_ref":"{{{empty}}}1"}},
              {"recipient":{"id":"{{{Page}}}"},"sender":{"id":"{{{psid}}}"},"message":{"text":"Test Hi!","sticker_id":null,"attachments":null,"attachment":null,"metadata":null},{{{Unused}}},"timestamp":{{{at + 1000}}}},
              {"recipient":{"id":"{{{Page}}}"},"sender":{"id":"{{{psid}}}"},"message":{"text":null,"sticker_id":null,"attachments":[{{{Image}}},{{{Image}}},{{{Image}}}],"attachment":null,"metadata":null},{{{Unused}}},"timestamp":{{{at + 2000}}}},
              {"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at + 3000}}},"postback":{"title":"Say Hello","payload":"Hello button"}},
              {"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at + 4000}}},"message":{"mid":"AAAA-BBBB-CCCC{{{psid}}}","text":"text"}}
            ]}]}
            """;

        await PostSignedWebhookAsync(body);
        await PostSignedWebhookAsync(body);
        await ProcessedAsync(staff);

        var id = await FindConversationAsync(staff, psid);
        var thread = id is { } found ? await MessagesAsync(staff, found) : [];
        var others = new List<Guid?>();
        foreach (var other in new[] { empty, standbyOne, standbyTwo })
        {
            others.Add(await FindConversationAsync(staff, other));
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await DeliveriesAsync(staff, psid), Is.EqualTo(new[] { (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null), (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null) }));
            Assert.That(thread.Select(Shown), Is.EqualTo(new[]
            {
                "message|inbound|Test Hi!|",
                "message|inbound||image:https://scontent.xx.fbcdn.net/v/t1.15752-9/bike.jpg,image:https://scontent.xx.fbcdn.net/v/t1.15752-9/bike.jpg,image:https://scontent.xx.fbcdn.net/v/t1.15752-9/bike.jpg",
                "postback|inbound|Tapped: Say Hello|",
                "message|inbound|text|",
            }), string.Join(" | ", thread.Select(m => m.GetRawText())));
            Assert.That(others, Is.All.Null, "an item with no event, an opt-in with no sender and empty standby items start nothing");
        });
    }

    /// <summary>
    /// <c>PayloadWithPassThreadControl.json</c>, <c>…TakeThreadControl.json</c> and <c>…RequestThreadControl.json</c> name the
    /// same id as entry, <c>sender</c> and <c>recipient</c> (here the page), with app ids as JSON numbers and, on the request,
    /// <c>"metadata":null</c>. No party is a customer: nothing fails and no conversation starts with the page itself; the
    /// customer's conversation held by LeadOps is left as it was.
    /// </summary>
    [Test]
    public async Task Botbuilders_handovers_between_the_page_and_itself_start_nothing()
    {
        var (staff, psid, id) = await ConversationAsync("Can someone call me?");
        var before = await ConversationAsync(staff, id);
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        string Handover(long time, string item) =>
            $$$"""{"object":"page","entry":[{"id":"{{{Page}}}","time":{{{time}}},"messaging":[{"recipient":{"id":"{{{Page}}}"},"timestamp":{{{time}}},"sender":{"id":"{{{Page}}}"},{{{item}}}}]}]}""";

        await PostSignedWebhookAsync(Handover(at + 1, """ "pass_thread_control":{"new_owner_app_id":1234567890,"metadata":"Pass thread control"} """));
        await PostSignedWebhookAsync(Handover(at + 2, """ "take_thread_control":{"previous_owner_app_id":1234567890,"metadata":"Take thread control from a secondary receiver"} """));
        await PostSignedWebhookAsync(Handover(at + 3, """ "request_thread_control":{"requested_owner_app_id":1234567890,"metadata":null} """));
        await ProcessedAsync(staff);
        var after = await ConversationAsync(staff, id);

        Assert.Multiple(async () =>
        {
            Assert.That(await DeliveriesAsync(staff, "\"new_owner_app_id\":1234567890,\"metadata\":\"Pass thread control\""), Is.EqualTo(new[] { (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null) }));
            Assert.That(await DeliveriesAsync(staff, "Take thread control from a secondary receiver"), Is.EqualTo(new[] { (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null) }));
            Assert.That(await DeliveriesAsync(staff, "\"requested_owner_app_id\":1234567890"), Is.EqualTo(new[] { (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null) }));
            Assert.That(await FindConversationAsync(staff, Page), Is.Null, "no conversation with the page itself");
            Assert.That(after.GetProperty("thread_owner").GetRawText(), Is.EqualTo(before.GetProperty("thread_owner").GetRawText()), psid);
        });
    }
}
