using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Messenger events as Messenger SDKs keep them in their specs and test files (each test names the repository and file),
/// ids and times moved to this test's page and clock, posted signed to the real /webhook: the delivery is processed at the
/// first attempt, what the customer and the page said is kept once, and what LeadOps does not act on starts nothing.
/// </summary>
public sealed class SdkSpecPayloadsTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    /// <summary>
    /// jgorset/facebook-messenger (the Ruby gem) keeps in <c>spec/facebook/messenger/incoming/</c>:
    /// <list type="bullet">
    /// <item><c>common_spec.rb</c>: a message with <c>"is_echo":false</c>, <c>seq</c>, text, a quick reply and an image, and
    /// beside it <c>prior_message {source: "checkbox_plugin", identifier}</c> (the customer came from a checkbox opt-in);</item>
    /// <item><c>message_echo_spec.rb</c>: echoes whose <c>app_id</c> is an 18-digit number (184719329217930000), one with a
    /// quick reply and an image, one a location whose coordinates are strings that are no numbers (<c>"39.920_770"</c>);</item>
    /// <item><c>message_reaction_spec.rb</c>: a reaction with no <c>mid</c> (<c>{action, emoji, reaction}</c> only);</item>
    /// <item><c>read_spec.rb</c>: a read with <c>seq</c>;</item>
    /// <item><c>message_request_spec.rb</c>: <c>"message_request":"accept"</c>, from a customer who sent nothing else.</item>
    /// </list>
    /// The gem's echoes name other parties (<c>"5"</c> to <c>"7"</c>); here they are the page's to the customer, as Meta sends them.
    /// </summary>
    [Test]
    public async Task The_ruby_gems_incoming_specs_in_one_delivery_keep_every_message_and_skip_the_rest()
    {
        var staff = await NewStaffAsync();
        var (psid, requester) = (NewPsid(), NewPsid());
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var (inMid, echoMid, locationMid) = ($"mid.1457764197618:41d102a3e1ae206a38{psid}", $"mid.1457764197618:41d102a3e1ae206a39{psid}", $"mid.1457764197618:41d102a3e1ae206a48{psid}");
        string FromCustomer(long ms, string body) => $$"""{"sender":{"id":"{{psid}}"},"recipient":{"id":"{{Page}}"},"timestamp":{{ms}},{{body}}}""";
        string FromPage(long ms, string body) => $$"""{"sender":{"id":"{{Page}}"},"recipient":{"id":"{{psid}}"},"timestamp":{{ms}},{{body}}}""";
        var message = FromCustomer(at, $$$"""
            "message":{"is_echo":false,"mid":"{{{inMid}}}","seq":73,"text":"Hello, bot!","quick_reply":{"payload":"Hi, I am a quick reply!"},
              "attachments":[{"type":"image","payload":{"url":"https://www.example.com/1.jpg"}}]},
            "prior_message":{"source":"checkbox_plugin","identifier":"903dac41-0976-467f-805e-ed58dc23a783"}
            """);
        var echo = FromPage(at + 1000, $$$"""
            "message":{"is_echo":true,"app_id":184719329217930000,"mid":"{{{echoMid}}}","seq":73,"text":"Hello, human!","quick_reply":{"payload":"Hi, I am a quick reply!"},
              "attachments":[{"type":"image","payload":{"url":"https://www.example.com/1.jpg"}}]}
            """);
        var location = FromPage(at + 2000, $$$"""
            "message":{"is_echo":true,"app_id":184719329222930001,"mid":"{{{locationMid}}}",
              "attachments":[{"type":"location","payload":{"coordinates":{"lat":"39.920_770","long":"40.920_770"} } }]}
            """);
        var reaction = FromCustomer(at + 3000, """ "reaction":{"action":"react","emoji":"👍","reaction":"like"} """);
        var read = FromCustomer(at + 4000, """ "read":{"watermark":1458668856253,"seq":38} """);
        var request = $$"""{"sender":{"id":"{{requester}}"},"recipient":{"id":"{{Page}}"},"timestamp":{{at + 5000}},"message_request":"accept"}""";
        var body = $$"""
            {"object":"page","entry":[{"id":"{{Page}}","time":{{at}},"messaging":[
              {{message}}, {{echo}}, {{location}}, {{reaction}}, {{read}}, {{request}}
            ]}]}
            """;

        await PostSignedWebhookAsync(body);
        await ProcessedAsync(staff);

        var id = await FindConversationAsync(staff, psid);
        var thread = id is { } found ? await MessagesAsync(staff, found) : [];
        static string Shown(JsonElement m) =>
            $"{m.GetProperty("direction").GetString()}|{m.GetProperty("text").GetString()}|{m.GetProperty("quick_reply_payload").GetString()}|" +
            string.Join(",", m.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("type").GetString()));
        Assert.Multiple(async () =>
        {
            Assert.That(await DeliveriesAsync(staff, inMid), Is.EqualTo(new[] { (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null) }));
            Assert.That(thread.Select(Shown), Is.EqualTo(new[]
            {
                "inbound|Hello, bot!|Hi, I am a quick reply!|image",
                "outbound|Hello, human!||image",
                "outbound|||location",
            }), string.Join(" | ", thread.Select(m => m.GetRawText())));
            Assert.That(await FindConversationAsync(staff, requester), Is.Null, "an accepted message request alone starts nothing");
        });
    }

    /// <summary>
    /// The page reacts to the customer's message (Meta's Sender Actions page, updated Jan 21, 2026, documents
    /// <c>sender_action: "react"</c> on the Send API; staff can react in Meta Business Suite too), and the reaction comes back
    /// as a <c>reaction</c> event with the page as <c>sender</c> and the customer as <c>recipient</c> (the sender is who acts,
    /// as for echoes; whether Meta sends page reactions so is not in its text). It is not the customer's reaction: eight days
    /// after the customer's last message it must not open the 24-hour window (a standard reply would be refused with
    /// 10/2018278), nor show as the customer's heart on their own message.
    /// </summary>
    [Test]
    public async Task A_reaction_by_the_page_opens_no_window_and_is_not_the_customers()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Is the shop open on Sunday?");
        var mid = (await MessagesAsync(staff, id)).Single().GetProperty("mid").GetString();
        Clock.Advance(TimeSpan.FromDays(8));
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();

        await PostSignedWebhookAsync($$"""
            {"object":"page","entry":[{"id":"{{Page}}","time":{{at}},"messaging":[
              {"sender":{"id":"{{Page}}"},"recipient":{"id":"{{psid}}"},"timestamp":{{at}},"reaction":{"mid":"{{mid}}","action":"react","emoji":"❤️","reaction":"love"} }
            ]}]}
            """);
        await ProcessedAsync(staff);
        var detail = await DetailAsync(staff, id);

        // The sandbox writes the page's reaction the same way, here also in the form inside a message.
        Clock.Advance(TimeSpan.FromMinutes(1));
        Meta.Customers.Reacts(Page, psid, mid!, "👍", "like", shape: new MessengerShape { ReactionByPage = true, ReactionInsideMessage = true });
        await ProcessedAsync(staff);
        var afterSandbox = await DetailAsync(staff, id);
        var sent = Meta.WebhookDeliveries.Last(d => d.Field == "message_reactions" && d.Body.Contains(psid, StringComparison.Ordinal)).Body;

        var message = (await MessagesAsync(staff, id)).Single();
        Assert.Multiple(async () =>
        {
            Assert.That(sent, Does.Contain($"\"sender\":{{\"id\":\"{Page}\"}}"), "the sandbox wrote the page as the sender");
            Assert.That(afterSandbox.GetProperty("can_reply").GetBoolean(), Is.False, "nor does the sandbox's");
            Assert.That(await DeliveriesAsync(staff, $"\"recipient\":{{\"id\":\"{psid}\"}}"), Is.EqualTo(new[] { (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null), (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null) }), "the posted and the sandbox's reaction");
            Assert.That(detail.GetProperty("can_reply").GetBoolean(), Is.False, "the page's own reaction opens no window");
            Assert.That(message.TryGetProperty("reaction", out var reaction) ? reaction.ValueKind : JsonValueKind.Null, Is.EqualTo(JsonValueKind.Null), "not the customer's reaction");
        });
    }

    /// <summary>
    /// mseri/fbmessenger-api-hs (the Haskell bindings on Hackage, <c>test-files/</c>), one entry per file in one delivery:
    /// <c>wsTextMessageRequest.json</c> (text with <c>seq</c>), <c>wsStructuredMessageRequest.json</c> (an image whose
    /// <c>url</c> is a placeholder, no link), <c>wsPostbackRequest.json</c> (a tap with only a <c>payload</c>: no title, no
    /// mid), <c>wsAuthRequest.json</c> (an opt-in with only <c>ref</c>, its <c>timestamp</c> 1234567890 in seconds and the
    /// entry's <c>time</c> 12341) and <c>wsDeliveryRequest.json</c> (the entry's <c>id</c> a number, a receipt with
    /// <c>seq</c> and no <c>timestamp</c>). The customer's words, image and tap are kept, each once though the body comes twice.
    /// </summary>
    [Test]
    public async Task The_haskell_bindings_test_files_in_one_delivery_keep_the_customers_words_image_and_tap_once()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        string Entry(long time, string item) =>
            $$"""{"id":"{{Page}}","time":{{time}},"messaging":[{"sender":{"id":"{{psid}}"},"recipient":{"id":"{{Page}}"},{{item}}}]}""";
        var body = $$"""
            {"object":"page","entry":[
              {{Entry(at, $$$""" "timestamp":{{{at}}},"message":{"mid":"mid.1457764197618:41d102a3e1ae206a38{{{psid}}}","seq":73,"text":"hello, world!"} """)}},
              {{Entry(at + 1000, $$$""" "timestamp":{{{at + 1000}}},"message":{"mid":"mid.1458696618141:b4ef9d19ec21086067{{{psid}}}","seq":51,"attachments":[{"type":"image","payload":{"url":"IMAGE_URL"} }]} """)}},
              {{Entry(at + 2000, $$$""" "timestamp":{{{at + 2000}}},"postback":{"payload":"USER_DEFINED_PAYLOAD"} """)}},
              {{Entry(12341, """ "timestamp":1234567890,"optin":{"ref":"PASS_THROUGH_PARAM"} """)}},
              {"id":{{Page}},"time":{{at + 3000}},"messaging":[{"sender":{"id":"{{psid}}"},"recipient":{"id":"{{Page}}"},"delivery":{"mids":["mid.1458668856218:ed81099e15d3f4f233"],"watermark":1458668856253,"seq":37} }]}
            ]}
            """;

        await PostSignedWebhookAsync(body);
        await PostSignedWebhookAsync(body);
        await ProcessedAsync(staff);

        var id = await FindConversationAsync(staff, psid);
        var thread = id is { } found ? await MessagesAsync(staff, found) : [];
        static string Shown(JsonElement m) =>
            $"{m.GetProperty("kind").GetString()}|{m.GetProperty("text").GetString()}|{m.GetProperty("postback_payload").GetString()}|" +
            string.Join(",", m.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("type").GetString()));
        var shown = thread.Select(Shown).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(await DeliveriesAsync(staff, "b4ef9d19ec21086067" + psid), Is.EqualTo(new[] { (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null), (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null) }));
            Assert.That(shown.Where(m => m.StartsWith("message|", StringComparison.Ordinal)), Is.EqualTo(new[] { "message|hello, world!||", "message|||image" }), string.Join(" | ", shown));
            Assert.That(shown.Count(m => m.StartsWith("postback|", StringComparison.Ordinal) && m.Contains("|USER_DEFINED_PAYLOAD|", StringComparison.Ordinal)), Is.EqualTo(1), string.Join(" | ", shown));
        });
    }
}
