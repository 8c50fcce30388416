using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// The webhook bodies messenger4j/messenger4j (the Java Messenger client) posts in its
/// <c>src/test/java/com/github/messenger4j/test/integration/WebhookTest.java</c>, ids moved to this test's page, customers
/// and clock (numbers where messenger4j has numbers, strings where it has strings), posted signed to the real /webhook.
/// </summary>
public sealed class Messenger4jPayloadsTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    private static string Shown(JsonElement m) =>
        $"{m.GetProperty("kind").GetString()}|{m.GetProperty("direction").GetString()}|{m.GetProperty("text").GetString()}|" +
        string.Join(",", m.GetProperty("attachments").EnumerateArray().Select(a =>
            $"{a.GetProperty("type").GetString()}:{a.GetProperty("title").GetString()}:{a.GetProperty("url").GetString()}"));

    private static string Body(long time, string items) =>
        $$$$"""{"object":"page","entry":[{"id":"{{{{Page}}}}","time":{{{{time}}}},"messaging":[{{{{items}}}}]}]}""";

    private static string FromCustomer(string psid, string rest) =>
        $$$$"""{"sender":{"id":"{{{{psid}}}}"},"recipient":{"id":"{{{{Page}}}}"},{{{{rest}}}}}""";

    /// <summary>
    /// The customer's side, each body posted twice and kept once: a message with an image, a shared link (<c>fallback</c>,
    /// <c>"payload":null</c>, the link in upper-case <c>URL</c>) and a location (coordinates as numbers), with
    /// <c>prior_message {source: "checkbox_plugin", identifier}</c> beside it (<c>shouldHandleAttachmentMessageEvent</c>); a quick
    /// reply (<c>shouldHandleQuickReplyMessageEvent</c>); text with the built-in NLP's <c>nlp.entities</c>
    /// (<c>…WithNlp</c>); a tap with a SHORTLINK referral and <c>prior_message</c>, and one with only a title and a payload
    /// (<c>shouldHandlePostbackEvent</c>, <c>…WithoutReferral</c>, both without a <c>mid</c>); and the page's echoes: text with
    /// <c>metadata</c>, <c>seq</c> and <c>app_id</c> a JSON number (<c>shouldHandleTextEchoMessageEvent</c>), and a receipt
    /// template whose attachment has <c>"url":null</c>, the order's items in its <c>title</c>, prices as numbers
    /// (<c>shouldHandleTemplateEchoMessageEvent</c>).
    /// </summary>
    [Test]
    public async Task Messenger4js_messages_taps_and_echoes_are_kept_once_each()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        const string Prior = """ "prior_message":{"source":"checkbox_plugin","identifier":"<USER_REF>"} """;
        var bodies = new[]
        {
            Body(at, FromCustomer(psid, $$$$"""
                "timestamp":{{{{at}}}},"message":{"mid":"mid.1458696618141:b4ef9d19ec21086067{{{{psid}}}}","attachments":[
                  {"type":"image","payload":{"url":"http://image.url"}},
                  {"type":"fallback","payload":null,"title":"<TITLE_OF_THE_URL_ATTACHMENT>","URL":"https://example.com/shared-page"},
                  {"type":"location","payload":{"coordinates":{"lat":52.3765533,"long":9.7389123}}}]},{{{{Prior}}}}
                """)),
            Body(at + 1000, FromCustomer(psid, $$$$""" "timestamp":{{{{at + 1000}}}},"message":{"mid":"mid.1457764197618:41d102a3e1ae206a31{{{{psid}}}}","text":"hello, world!","quick_reply":{"payload":"DEVELOPER_DEFINED_PAYLOAD"}},{{{{Prior}}}} """)),
            Body(at + 2000, FromCustomer(psid, $$$$""" "timestamp":{{{{at + 2000}}}},"message":{"mid":"mid.1457764197618:41d102a3e1ae206a32{{{{psid}}}}","text":"hello, text message world!","nlp":{"entities":{"greetings":[{"confidence":0.98786211036043,"value":"true"}]}}} """)),
            Body(at + 3000, FromCustomer(psid, $$$$"""
                "timestamp":{{{{at + 3000}}}},"postback":{"title":"<TITLE_FOR_THE_CTA>","payload":"<USER_DEFINED_PAYLOAD>",
                  "referral":{"ref":"<REF DATA IF SPECIFIED IN THE AD>","ad_id":"<ID OF THE AD>","source":"<SHORTLINK>","type":"OPEN_THREAD"}},{{{{Prior}}}}
                """)),
            Body(at + 4000, FromCustomer(psid, $$$$""" "timestamp":{{{{at + 4000}}}},"postback":{"title":"Get started","payload":"GET_STARTED"} """)),
            Body(at + 5000, $$$$"""
                {"sender":{"id":"{{{{Page}}}}"},"recipient":{"id":"{{{{psid}}}}"},"timestamp":{{{{at + 5000}}}},"message":{"is_echo":true,"app_id":1517776481860111,
                  "metadata":"DEVELOPER_DEFINED_METADATA_STRING","mid":"mid.1457764197618:41d102a3e1ae206a38{{{{psid}}}}","seq":282,"text":"hello, text message world!"}}
                """),
            Body(at + 6000, $$$$"""
                {"sender":{"id":"{{{{Page}}}}"},"recipient":{"id":"{{{{psid}}}}"},"timestamp":{{{{at + 6000}}}},"message":{"is_echo":true,"app_id":1559999994822905,
                  "mid":"mid.1480199999925:83392d9f65{{{{psid}}}}","seq":294,"attachments":[{"title":"Samsung Gear VR, Oculus Rift","url":null,"type":"template",
                  "payload":{"template_type":"receipt","recipient_name":"Peter Chang","order_number":"order-505.0","currency":"USD","timestamp":1428444852,
                  "payment_method":"Visa 1234","summary":{"total_cost":626.66,"total_tax":57.67,"subtotal":698.99,"shipping_cost":20},
                  "address":{"city":"Menlo Park","country":"US","postal_code":"94025","state":"CA","street_1":"1 Hacker Way","street_2":""},
                  "elements":[{"title":"Samsung Gear VR","quantity":1,"image_url":"https:\/\/example.com\/gearvrsq.png","price":99.99,"subtitle":"Frost White"},
                    {"title":"Oculus Rift","quantity":1,"image_url":"https:\/\/example.com\/riftsq.png","price":599,"subtitle":"Includes: headset, sensor, remote"}],
                  "adjustments":[{"name":"New Customer Discount","amount":-50},{"name":"$100 Off Coupon","amount":-100}]}}]}}
                """),
        };

        foreach (var body in bodies)
        {
            await PostSignedWebhookAsync(body);
            await PostSignedWebhookAsync(body);
        }

        await ProcessedAsync(staff);
        var id = await FindConversationAsync(staff, psid);
        var thread = id is { } found ? await MessagesAsync(staff, found) : [];

        Assert.Multiple(async () =>
        {
            Assert.That(await DeliveriesAsync(staff, psid), Has.Count.EqualTo(14).And.All.EqualTo((Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null)));
            Assert.That(thread.Select(Shown), Is.EqualTo(new[]
            {
                "message|inbound||image::http://image.url,fallback:<TITLE_OF_THE_URL_ATTACHMENT>:https://example.com/shared-page,location::",
                "message|inbound|hello, world!|",
                "message|inbound|hello, text message world!|",
                "postback|inbound|Tapped: <TITLE_FOR_THE_CTA>|",
                "referral|inbound|Came from ad <ID OF THE AD> · ref <REF DATA IF SPECIFIED IN THE AD>|",
                "postback|inbound|Tapped: Get started|",
                "message|outbound|hello, text message world!|",
                "message|outbound||template:Samsung Gear VR, Oculus Rift:",
            }), string.Join(" | ", thread.Select(m => m.GetRawText())));
        });
    }

    /// <summary>
    /// The events messenger4j reads besides messages, each from a customer of its own: the four referrals (m.me link, ad,
    /// Messenger code, Discover tab: <c>shouldHandle…ReferralEvent</c>), an opt-in with a sender and only <c>ref</c>, its
    /// <c>timestamp</c> in seconds (<c>…OptInEventWithSenderId</c>), an opt-in with no <c>sender</c> but a <c>user_ref</c>
    /// (<c>…WithUserRef</c>), account linking (linked and unlinked), a read whose <c>watermark</c> is a number, deliveries with
    /// and without <c>mids</c> and with no <c>timestamp</c>, an event type no one knows carrying a <c>mid</c>
    /// (<c>shouldHandleEventTypeThatIsUnsupported</c>), a <c>game_play</c> whose entry <c>time</c> and <c>timestamp</c> are
    /// strings and whose <c>context_id</c> is a number, and a body whose <c>object</c> is <c>"testValue"</c>.
    /// </summary>
    [Test]
    public async Task Messenger4js_other_events_are_read_or_skipped_without_a_failure()
    {
        var staff = await NewStaffAsync();
        var (link, ad, code, discover, optin, userRef, linked, unlinked, reader, unknown, game, other) =
            (NewPsid(), NewPsid(), NewPsid(), NewPsid(), NewPsid(), NewPsid(), NewPsid(), NewPsid(), NewPsid(), NewPsid(), NewPsid(), NewPsid());
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var bodies = new[]
        {
            Body(at, FromCustomer(link, $$$$""" "timestamp":{{{{at}}}},"referral":{"ref":"spring_ride","source":"SHORTLINK","type":"OPEN_THREAD"} """)),
            Body(at, FromCustomer(ad, $$$$""" "timestamp":{{{{at}}}},"referral":{"ref":"summer","ad_id":"6045246247433","source":"ADS","type":"OPEN_THREAD"} """)),
            Body(at, FromCustomer(code, $$$$""" "timestamp":{{{{at}}}},"referral":{"ref":"counter","source":"MESSENGER_CODE","type":"OPEN_THREAD"} """)),
            Body(at, FromCustomer(discover, $$$$""" "timestamp":{{{{at}}}},"referral":{"source":"DISCOVER_TAB","type":"OPEN_THREAD"} """)),
            Body(at, FromCustomer(optin, $$$$""" "timestamp":{{{{at / 1000}}}},"optin":{"ref":"PASS_THROUGH_PARAM"} """)),
            Body(at, $$$$"""{"recipient":{"id":"{{{{Page}}}}"},"timestamp":{{{{at / 1000}}}},"optin":{"ref":"PASS_THROUGH_PARAM","user_ref":"REF_FROM_CHECKBOX_PLUGIN{{{{userRef}}}}"}}"""),
            Body(at, FromCustomer(linked, """ "timestamp":1234567890,"account_linking":{"status":"linked","authorization_code":"PASS_THROUGH_AUTHORIZATION_CODE"} """)),
            Body(at, FromCustomer(unlinked, """ "timestamp":1234567890,"account_linking":{"status":"unlinked"} """)),
            Body(at, FromCustomer(reader, $$$$""" "timestamp":{{{{at}}}},"read":{"watermark":{{{{at - 200}}}} } """)),
            Body(at, FromCustomer(reader, $$$$""" "delivery":{"mids":["mid.1458668856218:ed81099e15d3f4f233{{{{reader}}}}"],"watermark":{{{{at - 200}}}} } """)),
            Body(at + 1, FromCustomer(reader, $$$$""" "delivery":{"watermark":{{{{at - 100}}}} } """)),
            Body(at, FromCustomer(unknown, $$$$""" "timestamp":{{{{at}}}},"EVENT_TYPE_THAT_IS_UNSUPPORTED":{"mid":"mid.1457764197618:41d102a3e1ae206a38{{{{unknown}}}}"} """)),
            $$$$"""
            {"object":"page","entry":[{"id":"{{{{Page}}}}","time":"{{{{at}}}}","messaging":[{"sender":{"id":"{{{{game}}}}"},"recipient":{"id":"{{{{Page}}}}"},"timestamp":"{{{{at}}}}",
              "game_play":{"game_id":"<GAME-APP-ID>","player_id":"<PLAYER-ID>","context_type":"SOLO","context_id":666666,"payload":"PAYLOAD"}}]}]}
            """,
            Body(at, FromCustomer(other, $$$$""" "timestamp":{{{{at}}}},"message":{"mid":"mid.testValue{{{{other}}}}","text":"hello, world!","quick_reply":{"payload":"DEVELOPER_DEFINED_PAYLOAD"}} """)).Replace("\"object\":\"page\"", "\"object\":\"testValue\"", StringComparison.Ordinal),
        };

        foreach (var body in bodies)
        {
            await PostSignedWebhookAsync(body);
        }

        await ProcessedAsync(staff);
        var notes = new List<string>();
        foreach (var psid in new[] { link, ad, code, discover })
        {
            notes.Add(await FindConversationAsync(staff, psid) is { } id ? string.Join(" | ", (await MessagesAsync(staff, id)).Select(m => m.GetProperty("text").GetString())) : "(none)");
        }

        var others = new List<Guid?>();
        foreach (var psid in new[] { linked, unlinked, reader, unknown, game, other })
        {
            others.Add(await FindConversationAsync(staff, psid));
        }

        Assert.Multiple(async () =>
        {
            foreach (var psid in new[] { link, ad, code, discover, optin, userRef, linked, unlinked, reader, unknown, game, other })
            {
                Assert.That(await DeliveriesAsync(staff, psid), Has.Count.GreaterThanOrEqualTo(1).And.All.EqualTo((Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null)), psid);
            }

            Assert.That(notes, Is.EqualTo(new[] { "Came from shortlink · ref spring_ride", "Came from ad 6045246247433 · ref summer", "Came from messenger code · ref counter", "Came from discover tab" }));
            Assert.That(await FindConversationAsync(staff, optin), Is.Not.Null, "an opt-in from a customer with a PSID is that customer's conversation");
            Assert.That(others, Is.All.Null, "account linking, receipts, unknown events, games and other objects start nothing");
            Assert.That(await FindConversationAsync(staff, $"REF_FROM_CHECKBOX_PLUGIN{userRef}"), Is.Null, "an opt-in known only by its user_ref starts nothing");
        });
    }
}
