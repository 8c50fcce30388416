using System.Text.Json;
using System.Text.Json.Nodes;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Messenger webhook bodies in the forms Meta's reference pages document (numbers or strings for ids and times, optional
/// fields missing or <c>null</c>, several entries and several events in one delivery, lists of several values), posted
/// signed to the real /webhook: each is processed at the first attempt, what the customer said and sent is kept once, and
/// what LeadOps does not act on is skipped without costing the rest.
/// </summary>
public sealed class DocumentedVariantsTests(DatabaseKind database) : InboxFixture(database)
{
    private const string Page = SandboxSeed.MainPageId;

    private async Task<List<JsonElement>> ThreadAsync(Staff staff, string psid) =>
        await FindConversationAsync(staff, psid) is { } id ? [.. await MessagesAsync(staff, id)] : [];

    [Test]
    public async Task Several_entries_with_several_events_each_are_all_kept_in_order()
    {
        var staff = await NewStaffAsync();
        var (a, b) = (NewPsid(), NewPsid());
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var body = $$$"""
            {"object":"page","entry":[
              {"id":{{{Page}}},"time":{{{at}}},"messaging":[
                {"sender":{"id":{{{a}}}},"recipient":{"id":{{{Page}}}},"timestamp":{{{at}}},"message":{"mid":"m_A1{{{a}}}","text":"first"}},
                {"sender":{"id":"{{{a}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":"{{{at + 1}}}","postback":{"title":"Get Started","payload":"GET_STARTED"}},
                {"sender":{"id":"{{{b}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at + 2}}},"message":{"mid":"m_B1{{{b}}}","text":"other customer"}}
              ]},
              {"id":"{{{Page}}}","time":"{{{at + 10}}}","messaging":[
                {"sender":{"id":"{{{a}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at + 10}}},"message":{"mid":"m_A2{{{a}}}","text":"three files","attachments":[
                  {"type":"image","payload":{"url":"https://scontent.xx.fbcdn.net/v/one.jpg"}},
                  {"type":"image","payload":{"url":"https://scontent.xx.fbcdn.net/v/two.jpg"}},
                  {"type":"file","payload":{"url":"https://cdn.fbsbx.com/v/three.pdf"}}]}},
                {"sender":{"id":"{{{a}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at + 11}}},"postback":{"mid":"m_A3{{{a}}}","title":"Talk to a person","payload":"HUMAN_AGENT"}}
              ]}
            ]}
            """;

        await PostSignedWebhookAsync(body);
        await ProcessedAsync(staff);

        var threadA = await ThreadAsync(staff, a);
        var threadB = await ThreadAsync(staff, b);
        Assert.Multiple(async () =>
        {
            Assert.That(await DeliveriesAsync(staff, "m_B1" + b), Is.EqualTo(new[] { (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null) }));
            Assert.That(threadA, Has.Count.EqualTo(4), string.Join(" | ", threadA.Select(m => m.GetRawText())));
            Assert.That(threadA.Select(m => m.GetProperty("postback_payload").GetString()), Does.Contain("GET_STARTED").And.Contain("HUMAN_AGENT"));
            Assert.That(threadA.Single(m => m.GetProperty("mid").GetString() == "m_A2" + a).GetProperty("attachments").GetArrayLength(), Is.EqualTo(3));
            Assert.That(threadB.Select(m => m.GetProperty("text").GetString()), Is.EqualTo(new[] { "other customer" }));
        });
    }

    [Test]
    public async Task Null_values_where_optional_fields_belong_lose_nothing()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var body = $$$"""
            {"object":"page","entry":[{"id":"{{{Page}}}","time":{{{at}}},"messaging":[
              {"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at}}},"message":{"mid":"m_N1{{{psid}}}","text":null,"quick_reply":null,"reply_to":null,"referral":null,"is_echo":null,
                "attachments":[{"type":"image","payload":{"url":"https://scontent.xx.fbcdn.net/v/n.jpg","sticker_id":null}},null,{"type":"fallback","payload":null,"title":null,"URL":null}]}},
              {"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at + 1}}},"message":{"mid":"m_N2{{{psid}}}","text":"words","attachments":null,"nlp":null}},
              {"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at + 2}}},"postback":{"mid":"m_N3{{{psid}}}","title":"Yes","payload":null,"referral":null}},
              {"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at + 3}}},"delivery":{"mids":null,"watermark":{{{at}}}}},
              {"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at + 4}}},"read":{"watermark":null}},
              {"sender":null,"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at + 5}}},"message":{"mid":"m_N4{{{psid}}}","text":"nobody"}},
              {"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":null,"message":{"mid":"m_N5{{{psid}}}","text":"no time"}},
              {"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at + 6}}},"referral":null,"optin":null,"message_edit":null,"reaction":null,"message":{"mid":"m_N6{{{psid}}}","text":"last"}}
            ]}]}
            """;

        await PostSignedWebhookAsync(body);
        await ProcessedAsync(staff);

        var thread = await ThreadAsync(staff, psid);
        Assert.Multiple(async () =>
        {
            Assert.That(await DeliveriesAsync(staff, "m_N1" + psid), Is.EqualTo(new[] { (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null) }));
            Assert.That(thread.Select(m => m.GetProperty("mid").GetString()), Is.EquivalentTo(new[] { "m_N1" + psid, "m_N2" + psid, "m_N3" + psid, "m_N5" + psid, "m_N6" + psid }),
                string.Join(" | ", thread.Select(m => m.GetRawText())));
        });
    }

    [Test]
    public async Task Attachment_forms_from_the_references_are_each_kept()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var body = $$$"""
            {"object":"page","entry":[{"id":"{{{Page}}}","time":{{{at}}},"messaging":[
              {"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at}}},"message":{"mid":"m_T1{{{psid}}}","attachments":[
                {"type":"audio","payload":{"url":"https://cdn.fbsbx.com/v/t59/audioclip.mp4?_nc_cat=1&oh=x"}},
                {"type":"video","payload":{"url":"https://video.xx.fbcdn.net/v/clip.mp4"}},
                {"title":"Alice's Location","url":"https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.bing.com%2Fmaps","type":"location","payload":{"coordinates":{"lat":52.3765533,"long":9.7389123} } },
                {"type":"image","payload":{"url":"https://scontent.xx.fbcdn.net/v/like.png","sticker_id":"369239263222822"}},
                {"type":"template","payload":{"product":{"elements":[{"id":"9","retailer_id":"r9","image_url":"https://x/y.jpg","title":"Helmet","subtitle":"A"},{"id":10,"retailer_id":"r10","title":"Gloves"}]} } },
                {"type":null,"payload":{"url":"https://scontent.xx.fbcdn.net/v/x.jpg"}},
                {"type":"image","payload":{"url":null}}
              ]}}
            ]}]}
            """;

        await PostSignedWebhookAsync(body);
        await ProcessedAsync(staff);

        var thread = await ThreadAsync(staff, psid);
        var attachments = thread.Single().GetProperty("attachments").EnumerateArray().ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(await DeliveriesAsync(staff, "m_T1" + psid), Is.EqualTo(new[] { (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null) }));
            Assert.That(attachments.Select(x => x.GetProperty("type").GetString()), Is.EqualTo(new[] { "audio", "video", "location", "sticker", "template", "unknown", "image" }),
                string.Join(" | ", attachments.Select(x => x.GetRawText())));
        });
    }

    [Test]
    public async Task Events_of_fields_leadops_does_not_act_on_are_skipped_and_the_rest_kept()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        string Item(string body) => $$"""{"sender":{"id":"{{psid}}"},"recipient":{"id":"{{Page}}"},"timestamp":{{at}},{{body}}}""";
        var gamePlay = Item(""" "game_play":{"game_id":"1"} """);
        var body = $$$"""
            {"object":"page","entry":[{"id":"{{{Page}}}","time":{{{at}}},"messaging":[
              {{{Item(""" "game_play":{"game_id":"GAME-APP-ID","player_id":"PLAYER-ID","locale":"en_US","context_type":"SOLO","score":100,"payload":"{\"level\":1}"} """)}}},
              {{{Item(""" "response_feedback":{"mid":"m_x","feedback":"Good response"} """)}}},
              {{{Item(""" "messaging_feedback":{"feedback_screens":[{"screen_id":0,"questions":{"q1":{"type":"csat","payload":"p","follow_up":{"type":"free_form","payload":"Nice"}}}}]} """)}}},
              {{{Item(""" "account_linking":{"status":"unlinked"} """)}}},
              {"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{Page}}}"},"timestamp":{{{at + 1}}},"message":{"mid":"m_U1{{{psid}}}","text":"still here"}}
            ],"changes":[
              {"field":"inbox_labels","value":{"action":"add_label","label":{"id":"123","page_label_name":"VIP"},"user":{"id":"{{{psid}}}"} } },
              {"field":"messaging_game_plays","value":{{{gamePlay}}} },
              {"field":"conversations","value":{"thread_id":"t_100","page_id":"{{{Page}}}"}}
            ]}]}
            """;

        await PostSignedWebhookAsync(body);
        await ProcessedAsync(staff);

        var thread = await ThreadAsync(staff, psid);
        Assert.Multiple(async () =>
        {
            Assert.That(await DeliveriesAsync(staff, "m_U1" + psid), Is.EqualTo(new[] { (Domain.Common.WebhookDeliveryStatus.Processed, 1, (string?)null) }));
            Assert.That(thread.Select(m => m.GetProperty("text").GetString()), Is.EqualTo(new[] { "still here" }), string.Join(" | ", thread.Select(m => m.GetRawText())));
        });
    }

    /// <summary>
    /// An edit as the <c>message_edits</c> reference prints it (<c>message_edit {mid, text, num_edit}</c>, <c>num_edit</c> a
    /// string) of a message LeadOps never received: it was written before the page was connected, or Meta's delivery of it
    /// failed and is retried later (Meta retries for up to 36 hours; the edit, another field, is its own delivery). The
    /// customer's words as they now stand are kept as their message, marked edited, and the original arriving afterwards
    /// changes nothing: one message, the edited words.
    /// </summary>
    [Test]
    public async Task An_edit_of_a_message_leadops_never_received_keeps_the_new_words_and_the_late_original_adds_nothing()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var mid = "m_E1" + psid;
        var written = Clock.GetUtcNow();
        var edit = new JsonObject { ["mid"] = mid, ["text"] = "Is the large frame in stock?", ["num_edit"] = "1" };

        await PostSignedWebhookAsync(MetaEvents.Messaging(MetaEvents.FromCustomer(psid, MetaEvents.Millis(written.AddMinutes(2)), "message_edit", edit)));
        await ProcessedAsync(staff);
        var afterEdit = await ThreadAsync(staff, psid);
        await PostSignedWebhookAsync(CustomerMessageBody(psid, mid, "Is the small frame in stock?", written));
        await ProcessedAsync(staff);
        var afterOriginal = await ThreadAsync(staff, psid);

        static (string?, string?, bool) Shown(JsonElement m) =>
            (m.GetProperty("mid").GetString(), m.GetProperty("text").GetString(), m.GetProperty("edited").GetBoolean());
        var expected = new[] { (mid, "Is the large frame in stock?", true) };
        Assert.Multiple(() =>
        {
            Assert.That(afterEdit.Select(Shown), Is.EqualTo(expected), "the edited words are kept");
            Assert.That(afterOriginal.Select(Shown), Is.EqualTo(expected), "the late original is the same message");
        });
    }
}
