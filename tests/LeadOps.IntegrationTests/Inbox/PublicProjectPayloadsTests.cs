using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Messenger webhook bodies in the shapes other public projects keep as fixtures and samples (their repository and file
/// named on each test, as the source of the shape), ids and times moved to this test's page and clock, posted signed
/// to the real /webhook: what staff see is what the customer or Meta said, and what LeadOps does not act on is skipped
/// without costing the rest of the delivery.
/// </summary>
public sealed class PublicProjectPayloadsTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    /// <summary>
    /// The policy notice as Meta's older reference printed it, with a hyphen in the key: <c>"policy-enforcement":
    /// {"action":"block","reason":…}</c> (kept in codustry/songmam, <c>songmam/facebook/entries/policy_enforcement.py</c>,
    /// and in Yoctol/bottender, <c>packages/bottender/src/messenger/__tests__/MessengerEvent.spec.ts</c>). A block so
    /// spelt stops replies with Meta's reason, and an unblock so spelt (sent by the sandbox in that form) lifts it.
    /// </summary>
    [Test]
    public async Task A_policy_notice_spelt_with_a_hyphen_blocks_and_unblocks_replies()
    {
        var staff = await NewStaffAsync();
        var id = await CustomerWritesAsync(staff, NewPsid(), "Hello");
        const string Reason = "The bot violated our Platform Policies (https://developers.facebook.com/policy/#messengerplatform). Common violations include sending out excessive spammy messages or being non-functional.";
        Clock.Advance(TimeSpan.FromMinutes(1));
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        await PostSignedWebhookAsync($$$"""
            {"object":"page","entry":[{"id":"{{{Page}}}","time":{{{at}}},"messaging":[
              {"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at}}},"policy-enforcement":{"action":"block","reason":"{{{Reason}}}"}}
            ]}]}
            """);
        await ProcessedAsync(staff);
        var blocked = await DetailAsync(staff, id);

        Clock.Advance(TimeSpan.FromMinutes(1));
        Meta.Customers.EnforcesPolicy(Page, "unblock", null, new MessengerShape { PolicyKeyWithHyphen = true });
        await ProcessedAsync(staff);
        var unblocked = await DetailAsync(staff, id);
        var sandboxNotice = System.Text.Encoding.UTF8.GetString(App.Webhooks.Received.Last(w => System.Text.Encoding.UTF8.GetString(w.Body).Contains("unblock", StringComparison.Ordinal)).Body);

        Assert.Multiple(() =>
        {
            Assert.That(blocked.GetProperty("can_reply").GetBoolean(), Is.False, "the block reached the Inbox");
            Assert.That(blocked.GetProperty("reply_note").GetString(), Is.EqualTo("Meta blocked this page from messaging: " + Reason));
            Assert.That(unblocked.GetProperty("can_reply").GetBoolean(), Is.True, "the unblock lifts it");
            Assert.That(sandboxNotice, Does.Contain("\"policy-enforcement\"").And.Not.Contain("policy_enforcement"), "the sandbox wrote the older key");
        });
    }

    /// <summary>
    /// One delivery made of shapes bot frameworks keep as test fixtures:
    /// <list type="bullet">
    /// <item>the body of Meta's quick-start tutorial, <c>{"messaging":[{"message":"TEST_MESSAGE"}]}</c> (a string for the
    /// message, no sender, recipient or entry id; kept in carolkng/against_loneliness <c>test.sh</c> and many starters);</item>
    /// <item>a thumbs-up sticker as uniericuni/Facebook-Chatbot-Blueprint <c>test/curl-tests/testThumbUpMessage.sh</c>
    /// posts it: an entry with no <c>id</c> or <c>time</c>, an event with no <c>timestamp</c> and a stray
    /// <c>messaging_type</c>, <c>seq</c>, <c>sticker_id</c> on the message and in an image payload whose <c>url</c> is not a
    /// link (<c>"localhost:1999"</c>);</item>
    /// <item>events Yoctol/bottender <c>packages/bottender/src/messenger/__tests__/MessengerEvent.spec.ts</c> keeps that
    /// LeadOps does not act on (<c>payment</c>, <c>checkout_update</c>, <c>pre_checkout</c>, <c>branded_camera</c>,
    /// <c>account_linking</c>, in Meta's snake_case), from a customer who has written nothing else;</item>
    /// <item>bottender's text from the chat plugin, <c>message.tags [{"source":"customer_chat_plugin"}]</c>.</item>
    /// </list>
    /// Processed at the first attempt: the sticker kept once (the body comes twice), no copy asked of a link that is not
    /// Meta's, the chat plugin's words kept, and nothing started for the customer whose events were all skipped.
    /// </summary>
    [Test]
    public async Task Fixtures_of_bot_frameworks_in_one_delivery_keep_the_customers_messages_and_skip_the_rest()
    {
        var staff = await NewStaffAsync();
        var (stickerPsid, pluginPsid, skippedPsid) = (NewPsid(), NewPsid(), NewPsid());
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var skipped = string.Join(",", new[]
        {
            """ "payment":{"payload":"DEVELOPER_DEFINED_PAYLOAD","requested_user_info":{"shipping_address":{},"contact_name":"Peter Chang"},"payment_credential":{"provider_type":"paypal","charge_id":"ch_18tmdBEoNIH3FPJHa60ep123","fb_payment_id":"123456789"},"amount":{"currency":"USD","amount":"29.62"},"shipping_option_id":"123"} """,
            """ "checkout_update":{"payload":"DEVELOPER_DEFINED_PAYLOAD","shipping_address":{"id":10105655000959552,"country":"US","city":"MENLO PARK","street1":"1 Hacker Way","street2":"","state":"CA","postal_code":"94025"}} """,
            """ "pre_checkout":{"payload":"xyz","requested_user_info":{"contact_name":"Tao Jiang"},"amount":{"currency":"USD","amount":"2.70"}} """,
            """ "branded_camera":{"content_ids":["<CAMERA-EFFECT-ID>"],"event":"dismiss"} """,
            """ "account_linking":{"status":"linked","authorization_code":"PASS_THROUGH_AUTHORIZATION_CODE"} """,
        }.Select(e => $$"""{"sender":{"id":"{{skippedPsid}}"},"recipient":{"id":"{{Page}}"},"timestamp":{{at}},{{e.Trim()}}}"""));
        var body = $$$"""
            {"object":"page","entry":[
              {"messaging":[{"message":"TEST_MESSAGE"}]},
              {"messaging":[{"messaging_type":"<MESSAGING_TYPE>","sender":{"id":"{{{stickerPsid}}}"},"recipient":{"id":"{{{Page}}}"},
                "message":{"mid":"mid.$cAADHPVJEDStnxdJQ-{{{stickerPsid}}}","seq":1306584,"sticker_id":369239263222822,
                  "attachments":[{"type":"image","payload":{"url":"localhost:1999","sticker_id":369239263222822}}]}}]},
              {"id":"{{{Page}}}","time":{{{at}}},"messaging":[{{{skipped}}},
                {"sender":{"id":"{{{pluginPsid}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at}}},
                 "message":{"mid":"mid.$cAAE1UUyiiwthh0NPrVbVf4HFNDGl{{{pluginPsid}}}","seq":348847,"text":"Sharp tools make good work.","tags":[{"source":"customer_chat_plugin"}]}}]}
            ]}
            """;

        await PostSignedWebhookAsync(body);
        await PostSignedWebhookAsync(body);
        var pluginThread = await WaitForMessageAsync(staff, pluginPsid, $"mid.$cAAE1UUyiiwthh0NPrVbVf4HFNDGl{pluginPsid}");
        var stickerThread = await WaitForMessageAsync(staff, stickerPsid, $"mid.$cAADHPVJEDStnxdJQ-{stickerPsid}");
        await ProcessedAsync(staff);

        List<(Domain.Common.WebhookDeliveryStatus, int, string?)> deliveries;
        await using (var scope = App.ScopeFor(staff.User.Id))
        {
            deliveries = (await App.Db(scope).WebhookDeliveries.AsNoTracking().Where(d => d.Body.Contains(pluginPsid)).ToListAsync())
                .Select(d => (d.Status, d.Attempts, d.LastError)).ToList();
        }

        var sticker = (await MessagesAsync(staff, stickerThread)).Single();
        var attachment = sticker.GetProperty("attachments").EnumerateArray().Single();
        var plugin = (await MessagesAsync(staff, pluginThread)).Single();
        var skippedThread = await FindConversationAsync(staff, skippedPsid);
        Assert.Multiple(() =>
        {
            Assert.That(deliveries, Is.EqualTo(new[] { (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null), (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null) }));
            Assert.That(attachment.GetProperty("type").GetString(), Is.EqualTo("sticker"));
            Assert.That(attachment.GetProperty("sticker_id").GetString(), Is.EqualTo("369239263222822"));
            Assert.That(attachment.GetProperty("file_url").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(attachment.GetProperty("copy_note").GetString(), Does.Contain("the link is not one of Meta's"), "nothing fetched from it");
            Assert.That(plugin.GetProperty("text").GetString(), Is.EqualTo("Sharp tools make good work."));
            Assert.That(skippedThread, Is.Null, "payments, checkouts, camera and account-linking events start nothing");
        });
    }

    /// <summary>
    /// Handover events as Yoctol/bottender <c>packages/bottender/src/messenger/__tests__/MessengerEvent.spec.ts</c> keeps
    /// them (<c>passThreadControl</c>, <c>takeThreadControl</c>, <c>requestThreadControl</c>, in Meta's snake_case): the
    /// page as <c>sender</c> and the customer as <c>recipient</c>, the other way round from Meta's reference, with
    /// <c>requested_owner_app_id</c> a number. They are notes in the customer's thread, not a conversation with the page.
    /// </summary>
    [Test]
    public async Task Handovers_naming_the_page_as_sender_are_noted_in_the_customers_thread()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Hi");
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        string Handover(int second, string body) =>
            $$"""{"sender":{"id":"{{Page}}"},"recipient":{"id":"{{psid}}"},"timestamp":{{at + (second * 1000)}},{{body}}}""";
        var body = $$"""
            {"object":"page","entry":[{"id":"{{Page}}","time":{{at}},"messaging":[
              {{Handover(1, """ "pass_thread_control":{"new_owner_app_id":"123456789","metadata":"additional content that the caller wants to set"} """)}},
              {{Handover(2, """ "take_thread_control":{"previous_owner_app_id":"123456789","metadata":"additional content that the caller wants to set"} """)}},
              {{Handover(3, """ "request_thread_control":{"requested_owner_app_id":123456789,"metadata":"additional content that the caller wants to set"} """)}}
            ]}]}
            """;

        await PostSignedWebhookAsync(body);
        await ProcessedAsync(staff);

        var thread = await MessagesAsync(staff, id);
        var withThePage = await FindConversationAsync(staff, Page);
        Assert.Multiple(() =>
        {
            Assert.That(thread, Has.Count.EqualTo(4), "the customer's message and three handover notes");
            Assert.That(withThePage, Is.Null, "no conversation with the page itself");
        });
    }

    /// <summary>
    /// An echo as botman/driver-facebook <c>tests/FacebookDriverTest.php</c> keeps it: <c>"is_echo":true</c> with the
    /// customer as <c>sender</c> and the page as <c>recipient</c> (<c>"seq":36</c>, <c>"text":"Hi"</c>), after the
    /// customer's own "Hi Julia" from the same file. The page's words go into the customer's thread as the page's, and no
    /// conversation is started with the page itself.
    /// </summary>
    [Test]
    public async Task An_echo_naming_the_customer_as_sender_is_the_pages_message_in_the_customers_thread()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var body = $$$"""
            {"object":"page","entry":[{"id":"{{{Page}}}","time":{{{at}}},"messaging":[
              {"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at}}},"message":{"mid":"mid.{{{at}}}:4388d3b344{{{psid}}}","seq":36,"text":"Hi Julia"}},
              {"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at + 1000}}},"message":{"is_echo":true,"mid":"mid.{{{at + 1000}}}:4388d3b345{{{psid}}}","seq":37,"text":"Hi"}}
            ]}]}
            """;

        await PostSignedWebhookAsync(body);
        await ProcessedAsync(staff);

        var id = await FindConversationAsync(staff, psid);
        var thread = id is { } found ? (await MessagesAsync(staff, found)).Select(m => (m.GetProperty("direction").GetString(), m.GetProperty("text").GetString())).ToList() : [];
        Assert.Multiple(async () =>
        {
            Assert.That(thread, Is.EqualTo(new[] { ("inbound", "Hi Julia"), ("outbound", (string?)"Hi") }));
            Assert.That(await FindConversationAsync(staff, Page), Is.Null, "no conversation with the page itself");
        });
    }

    /// <summary>
    /// A tap whose <c>payload</c> is an object, as cfusting/schedule-assistant <c>testing/postback.sh</c> posts it
    /// (<c>"postback":{"payload":{"action":"schedule"}}</c>, no title): the payload is kept as its JSON text and shown, not
    /// lost to "a button".
    /// </summary>
    [Test]
    public async Task A_tap_whose_payload_is_an_object_keeps_the_payload()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        await PostSignedWebhookAsync($$$"""
            {"object":"page","entry":[{"id":"{{{Page}}}","time":{{{at}}},"messaging":[
              {"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at}}},"postback":{"payload":{"action":"schedule"} } }
            ]}]}
            """);
        await ProcessedAsync(staff);

        var id = await FindConversationAsync(staff, psid);
        var tap = id is { } found ? (await MessagesAsync(staff, found)).Single() : default;
        Assert.Multiple(() =>
        {
            Assert.That(id, Is.Not.Null, "the tap started the conversation");
            Assert.That(tap.ValueKind == JsonValueKind.Object ? tap.GetProperty("postback_payload").GetString() : null, Is.EqualTo("""{"action":"schedule"}"""));
            Assert.That(tap.ValueKind == JsonValueKind.Object ? tap.GetProperty("text").GetString() : null, Is.EqualTo("""Tapped: {"action":"schedule"}"""));
        });
    }

    /// <summary>
    /// A tap with no <c>timestamp</c> and no <c>mid</c>, as uniericuni/Facebook-Chatbot-Blueprint
    /// <c>test/curl-tests/testStart.sh</c> posts "Start a New Game" (with its referral), here in an entry with Meta's id and
    /// <c>time</c>; Meta delivers it again a minute later. The tap and its referral note are kept once: the entry's time,
    /// which the redelivery repeats, dates them, not the moment each delivery arrived.
    /// </summary>
    [Test]
    public async Task A_tap_without_a_timestamp_delivered_again_later_is_kept_once()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var body = $$$"""
            {"object":"page","entry":[{"id":"{{{Page}}}","time":{{{at}}},"messaging":[{"messaging_type":"<MESSAGING_TYPE>",
              "sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{Page}}}"},
              "postback":{"title":"Start a New Game","payload":"START","referral":{"ref":"<USER_DEFINED_REFERRAL_PARAM>","source":"<SHORTLINK>","type":"OPEN_THREAD"} } }
            ]}]}
            """;

        await PostSignedWebhookAsync(body);
        await ProcessedAsync(staff);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await PostSignedWebhookAsync(body);
        await ProcessedAsync(staff);

        var id = await FindConversationAsync(staff, psid);
        var thread = id is { } found ? (await MessagesAsync(staff, found)).Select(m => (m.GetProperty("kind").GetString(), m.GetProperty("at").GetDateTimeOffset())).ToList() : [];
        var when = DateTimeOffset.FromUnixTimeMilliseconds(at);
        Assert.That(thread, Is.EquivalentTo(new[] { ("postback", when), ((string?)"referral", when) }));
    }

    /// <summary>
    /// The same tap with no <c>timestamp</c> and no <c>mid</c>, in an entry with no <c>time</c> either (what some SDKs post;
    /// never Meta's), posted again a minute later: nothing in the body dates it, so it is known by its own content (a digest
    /// of its canonical JSON), not by when each post arrived, and the tap and its referral note are kept once.
    /// </summary>
    [Test]
    public async Task A_tap_with_no_time_anywhere_posted_again_later_is_kept_once()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var body = $$$"""
            {"object":"page","entry":[{"id":"{{{Page}}}","messaging":[{"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{Page}}}"},
              "postback":{"title":"Start a New Game","payload":"START","referral":{"ref":"game","source":"SHORTLINK","type":"OPEN_THREAD"} } }]}]}
            """;
        // The same event written with other spacing and its names in another order.
        var resent = $$$"""
            {"object":"page","entry":[{"id":"{{{Page}}}","messaging":[{"postback":{"payload":"START", "title":"Start a New Game",
              "referral":{"type":"OPEN_THREAD","source":"SHORTLINK","ref":"game"}},"recipient":{"id":"{{{Page}}}"},"sender":{"id":"{{{psid}}}"} }]}]}
            """;

        await PostSignedWebhookAsync(body);
        await ProcessedAsync(staff);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await PostSignedWebhookAsync(body);
        await ProcessedAsync(staff);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await PostSignedWebhookAsync(resent);
        await ProcessedAsync(staff);

        var id = await FindConversationAsync(staff, psid);
        var kinds = id is { } found ? (await MessagesAsync(staff, found)).Select(m => m.GetProperty("kind").GetString()).ToList() : [];
        Assert.That(kinds, Is.EquivalentTo(new[] { "postback", "referral" }));
    }

    /// <summary>
    /// Two different referrals with no time anywhere, posted at the same moment (the customer followed two m.me links): each
    /// is its own event with its own key, so both notes are kept, where the time they arrived would have made them one.
    /// </summary>
    [Test]
    public async Task Two_different_events_with_no_time_anywhere_are_both_kept()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        string Body(string reference) => $$$"""
            {"object":"page","entry":[{"id":"{{{Page}}}","messaging":[{"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{Page}}}"},
              "referral":{"ref":"{{{reference}}}","source":"SHORTLINK","type":"OPEN_THREAD"} }]}]}
            """;

        await PostSignedWebhookAsync(Body("spring-offer"));
        await ProcessedAsync(staff);
        await PostSignedWebhookAsync(Body("autumn-offer"));
        await ProcessedAsync(staff);

        var id = await FindConversationAsync(staff, psid);
        var kinds = id is { } found ? (await MessagesAsync(staff, found)).Select(m => m.GetProperty("kind").GetString()).ToList() : [];
        Assert.That(kinds, Is.EqualTo(new[] { "referral", "referral" }));
    }

    /// <summary>
    /// A message the customer took back: <c>"message":{"mid":…,"is_deleted":true}</c> with no text, as Meta's Instagram
    /// messaging webhooks send an unsend (whether Messenger sends it for pages is not in Meta's text). It adds no empty
    /// message to the thread, for a message LeadOps has or one it never saw.
    /// </summary>
    [Test]
    public async Task An_unsent_message_adds_nothing_empty_to_the_thread()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Oops");
        var mid = (await MessagesAsync(staff, id)).Single().GetProperty("mid").GetString();
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        await PostSignedWebhookAsync($$$"""
            {"object":"page","entry":[{"id":"{{{Page}}}","time":{{{at}}},"messaging":[
              {"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at}}},"message":{"mid":"{{{mid}}}","is_deleted":true}},
              {"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at}}},"message":{"mid":"m_never_seen_{{{psid}}}","is_deleted":true}}
            ]}]}
            """);
        await ProcessedAsync(staff);

        var texts = (await MessagesAsync(staff, id)).Select(m => m.GetProperty("text").GetString()).ToList();
        Assert.That(texts, Is.EqualTo(new[] { "Oops" }));
    }
}
