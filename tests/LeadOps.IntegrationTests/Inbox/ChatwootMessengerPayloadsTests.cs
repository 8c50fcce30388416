using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// The Messenger events chatwoot/chatwoot builds in its specs (<c>spec/factories/</c>' Facebook message factories,
/// <c>spec/lib/integrations/facebook/</c>, <c>spec/jobs/webhooks/facebook_postback_job_spec.rb</c>), ids moved to this test's
/// page, customers and clock, posted signed to the real /webhook as chatwoot writes them: one event under a <c>messaging</c>
/// that is an object (not a list), with no <c>object</c>, no <c>entry</c> and often no <c>timestamp</c>.
/// </summary>
public sealed class ChatwootMessengerPayloadsTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    private static string Shown(JsonElement m) =>
        $"{m.GetProperty("kind").GetString()}|{m.GetProperty("direction").GetString()}|{m.GetProperty("status").GetString()}|{m.GetProperty("text").GetString()}|" +
        (m.TryGetProperty("reaction", out var r) && r.ValueKind == JsonValueKind.Object ? r.GetProperty("emoji").GetString() : null);

    private static string Event(string psid, string item) =>
        $$$"""{"messaging":{"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{Page}}}"},{{{item}}}}}""";

    /// <summary>
    /// chatwoot's <c>incoming_fb_text_message</c> (text with an <c>m_</c> mid and no <c>timestamp</c>), its <c>message_deliveries</c>
    /// and <c>message_reads</c> (a <c>watermark</c> written as a string of milliseconds, no <c>mids</c>, no <c>timestamp</c>), a
    /// reaction (<c>action</c> <c>react</c>, <c>reaction</c> <c>like</c>) and its <c>unreact</c> whose <c>emoji</c> is <c>null</c>:
    /// each event alone in a body whose <c>messaging</c> is one object. The text's body comes twice. The customer's words are kept once;
    /// the receipt and the read mark the staff reply before the watermark; the reaction shows on the customer's message and
    /// the unreact takes it off.
    /// </summary>
    [Test]
    public async Task Chatwoots_single_event_bodies_keep_the_words_once_and_mark_the_reply()
    {
        var (staff, psid, _) = await ConversationAsync("Do you have the trail bike?");
        var mid = "m_KXGKDUpO6xbVdAmZFBVpzU1AhKVJdAIUnUH4cwkvb_K3iZsWhowDRyJ_DcowEpJjncaBwdCIoRrixvCbbO1PcA" + psid;
        Clock.Advance(TimeSpan.FromSeconds(5));
        var text = Event(psid, $$""" "message":{"mid":"{{mid}}","text":"facebook message"} """);
        await PostSignedWebhookAsync(text);
        await PostSignedWebhookAsync(text);
        var id = await WaitForMessageAsync(staff, psid, mid);

        Clock.Advance(TimeSpan.FromMinutes(1));
        await ReplyWithoutSandboxWebhooksAsync(staff, id, "Yes, we have it in stock.");
        Clock.Advance(TimeSpan.FromSeconds(5));
        var watermark = Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var delivered = Event(psid, $$""" "delivery":{"watermark":"{{watermark}}"} """);
        await PostSignedWebhookAsync(delivered);
        await PostSignedWebhookAsync(delivered);
        await ProcessedAsync(staff);
        var afterDelivery = await MessagesAsync(staff, id);

        Clock.Advance(TimeSpan.FromSeconds(5));
        var read = Event(psid, $$""" "read":{"watermark":"{{Clock.GetUtcNow().ToUnixTimeMilliseconds()}}"} """);
        await PostSignedWebhookAsync(read);
        await ProcessedAsync(staff);
        var afterRead = await MessagesAsync(staff, id);

        Clock.Advance(TimeSpan.FromSeconds(5));
        var react = Event(psid, $$""" "timestamp":{{Clock.GetUtcNow().ToUnixTimeMilliseconds()}},"reaction":{"mid":"{{mid}}","action":"react","reaction":"like","emoji":"👍"} """);
        await PostSignedWebhookAsync(react);
        await PostSignedWebhookAsync(react);
        await ProcessedAsync(staff);
        var afterReact = await MessagesAsync(staff, id);

        Clock.Advance(TimeSpan.FromSeconds(1));
        await PostSignedWebhookAsync(Event(psid, $$""" "timestamp":{{Clock.GetUtcNow().ToUnixTimeMilliseconds()}},"reaction":{"mid":"{{mid}}","action":"unreact","reaction":"like","emoji":null} """));
        await ProcessedAsync(staff);
        var afterUnreact = await MessagesAsync(staff, id);

        Assert.Multiple(async () =>
        {
            Assert.That(await DeliveriesAsync(staff, $"{{\"messaging\":{{\"sender\":{{\"id\":\"{psid}\"}}"), Has.Count.EqualTo(8).And.All.EqualTo((Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null)));
            Assert.That(afterDelivery.Select(Shown), Is.EqualTo(new[] { "message|inbound|received|Do you have the trail bike?|", "message|inbound|received|facebook message|", "message|outbound|delivered|Yes, we have it in stock.|" }), string.Join(" | ", afterDelivery.Select(m => m.GetRawText())));
            Assert.That(afterRead.Select(Shown), Is.EqualTo(new[] { "message|inbound|received|Do you have the trail bike?|", "message|inbound|received|facebook message|", "message|outbound|read|Yes, we have it in stock.|" }));
            Assert.That(afterReact.Select(Shown), Is.EqualTo(new[] { "message|inbound|received|Do you have the trail bike?|", "message|inbound|received|facebook message|👍", "message|outbound|read|Yes, we have it in stock.|" }));
            Assert.That(afterUnreact.Select(Shown), Is.EqualTo(new[] { "message|inbound|received|Do you have the trail bike?|", "message|inbound|received|facebook message|", "message|outbound|read|Yes, we have it in stock.|" }));
        });
    }

    /// <summary>
    /// chatwoot's other page shapes: <c>mocked_feed_message</c>, a Page <c>feed</c> change written with no <c>field</c> (a
    /// comment: <c>from {id, name}</c>, <c>post_id</c>, <c>comment_id</c>, <c>item</c> <c>comment</c>, <c>verb</c> <c>add</c>, its
    /// words in a string <c>message</c>), and the times its Instagram factories write in Graph's ISO form
    /// (<c>"time"</c> and <c>"timestamp"</c> <c>"2021-09-08T06:34:04+0000"</c>), here on a page's message. The body comes twice:
    /// the comment starts no conversation (LeadOps answers messages, not comments), the message is kept once, dated by its
    /// ISO time.
    /// </summary>
    [Test]
    public async Task Chatwoots_feed_change_starts_nothing_and_an_iso_timestamp_dates_the_message()
    {
        var staff = await NewStaffAsync();
        var (psid, commenter) = (NewPsid(), NewPsid());
        var sent = Clock.GetUtcNow().AddMinutes(-3);
        var iso = sent.ToString("yyyy-MM-dd'T'HH:mm:ss+0000", System.Globalization.CultureInfo.InvariantCulture);
        var body = $$$"""
            {"object":"page","entry":[
              {"id":"{{{Page}}}","time":"{{{iso}}}","changes":[{"value":{"from":{"id":"{{{commenter}}}","name":"Jane Dae"},"post_id":"1_3","comment_id":"3_5",
                "post":{"permalink_url":"https://www.facebook.com/1_3"},"item":"comment","verb":"add","message":"comment message"} }]},
              {"id":"{{{Page}}}","time":"{{{iso}}}","messaging":[{"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":"{{{iso}}}",
                "message":{"mid":"message-id-1{{{psid}}}","text":"This is the first message from the customer"} }]}
            ]}
            """;

        await PostSignedWebhookAsync(body);
        await PostSignedWebhookAsync(body);
        await ProcessedAsync(staff);
        var id = await FindConversationAsync(staff, psid);
        var thread = id is { } found ? await MessagesAsync(staff, found) : [];

        Assert.Multiple(async () =>
        {
            Assert.That(await DeliveriesAsync(staff, psid), Is.EqualTo(new[] { (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null), (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null) }));
            Assert.That(thread.Select(m => (m.GetProperty("text").GetString(), m.GetProperty("at").GetDateTimeOffset())),
                Is.EqualTo(new[] { ("This is the first message from the customer", new DateTimeOffset(sent.Year, sent.Month, sent.Day, sent.Hour, sent.Minute, sent.Second, TimeSpan.Zero)) }));
            Assert.That(await FindConversationAsync(staff, commenter), Is.Null, "a comment is no conversation");
        });
    }

    /// <summary>
    /// chatwoot's <c>facebook_postback_job_spec.rb</c>: a tap whose <c>timestamp</c> is a string of milliseconds
    /// (<c>"1700000000000"</c>) and whose <c>mid</c> is the <c>mid.</c> of the message it answers, for a page two accounts
    /// connected: each of the two staff members sees the tap once, however often it comes. chatwoot's reaction to a message no
    /// one has and its reaction without a <c>mid</c>, each from a customer not seen before, start no conversation.
    /// </summary>
    [Test]
    public async Task Chatwoots_tap_reaches_both_owners_of_the_page_once_and_lost_reactions_start_nothing()
    {
        var first = await NewStaffAsync();
        var second = await NewStaffAsync();
        var (psid, missing, blank) = (NewPsid(), NewPsid(), NewPsid());
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var tap = Event(psid, $$""" "timestamp":"{{at}}","postback":{"title":"Option A","payload":"btn_1","mid":"mid.original_send{{psid}}"} """);
        await PostSignedWebhookAsync(tap);
        await PostSignedWebhookAsync(tap);
        await PostSignedWebhookAsync(Event(missing, $$""" "timestamp":{{at}},"reaction":{"mid":"missing-message-id{{missing}}","action":"react","reaction":"like","emoji":"👍"} """));
        await PostSignedWebhookAsync(Event(blank, $$""" "timestamp":{{at}},"reaction":{"action":"react","reaction":"like","emoji":"👍"} """));
        await ProcessedAsync(first);
        await ProcessedAsync(second);

        var threads = new List<IReadOnlyList<JsonElement>>();
        foreach (var staff in new[] { first, second })
        {
            threads.Add(await FindConversationAsync(staff, psid) is { } id ? await MessagesAsync(staff, id) : []);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(threads.Select(t => string.Join(" | ", t.Select(m => $"{m.GetProperty("kind").GetString()}|{m.GetProperty("text").GetString()}|{m.GetProperty("postback_payload").GetString()}"))),
                Is.EqualTo(new[] { "postback|Tapped: Option A|btn_1", "postback|Tapped: Option A|btn_1" }));
            Assert.That(await FindConversationAsync(first, missing), Is.Null, "a reaction to a message no one has starts nothing");
            Assert.That(await FindConversationAsync(first, blank), Is.Null, "nor does a reaction that names no message");
            Assert.That(await DeliveriesAsync(first, $"missing-message-id{missing}"), Is.EqualTo(new[] { (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null) }),
                "the lost reaction's delivery is worked off at the first attempt");
            Assert.That(await DeliveriesAsync(first, $"\"id\":\"{blank}\""), Is.EqualTo(new[] { (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null) }),
                "and so is the one that names no message");
        });
    }
}
