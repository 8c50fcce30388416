using System.Text.Json;
using LeadOps.Application.Conversations;
using LeadOps.Domain.Conversations;
using LeadOps.Infrastructure.Webhooks;

namespace LeadOps.UnitTests.Conversations;

/// <summary>Every Messenger event field and form Meta documents, and the variants its own docs show, read into events.</summary>
public sealed class MessengerEventParsingTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_763_640_000_000);

    private static IReadOnlyList<MessengerWebhookEvent> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return WebhookPayload.MessengerEvents(document.RootElement, Received);
    }

    private static MessengerWebhookEvent One(string item, string list = "messaging") =>
        Parse($$"""{"object":"page","entry":[{"id":"108","time":1,"{{list}}":[{{item}}]}]}""").Single();

    [Test]
    public void A_postback_reads_its_title_payload_mid_and_referral()
    {
        var e = One("""
            {"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1763640000000,
             "postback":{"mid":"m_9","title":"Talk to a person","payload":"HUMAN_AGENT","referral":{"ref":"spring","source":"SHORTLINK","type":"OPEN_THREAD"}}}
            """);
        Assert.Multiple(() =>
        {
            Assert.That((e.Kind, e.PageId, e.Psid, e.Mid, e.Timestamp), Is.EqualTo((MessengerEventKind.Postback, "108", "7001", (string?)"m_9", At)));
            Assert.That(e.Postback, Is.EqualTo(new MessengerPostback("Talk to a person", "HUMAN_AGENT")));
            Assert.That(e.Referral, Is.EqualTo(new Referral("SHORTLINK", "spring", null, null, null, "OPEN_THREAD")));
        });
    }

    [Test]
    public void The_dashboards_changes_form_with_a_string_of_seconds_is_read_like_a_delivery_in_milliseconds()
    {
        var events = Parse("""
            {"object":"page","entry":[{"id":"0","time":1,"changes":[{"field":"messaging_postbacks","value":
              {"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":"1763640000","postback":{"title":"Get Started","payload":"GET_STARTED"}}}]}]}
            """);
        var e = events.Single();
        Assert.That((e.Kind, e.PageId, e.Timestamp, e.Mid), Is.EqualTo((MessengerEventKind.Postback, "108", At, (string?)null)), "the page is the event's recipient, not the test's entry id");
    }

    [Test]
    public void A_customer_known_only_by_user_ref_is_skipped_safely()
    {
        var events = Parse("""
            {"object":"page","entry":[{"id":"108","time":1,"changes":[{"field":"messaging_postbacks","value":
              {"sender":{"user_ref":"USER-REF-ID"},"recipient":{"id":"108"},"timestamp":"1527459824","postback":{"mid":"m_1","title":"T","payload":"P"}}}]}]}
            """);
        Assert.That(events, Is.Empty);
    }

    [Test]
    public void Text_and_attachments_of_one_message_stay_together_with_every_attachment_kind()
    {
        var e = One("""
            {"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1763640000000,"message":{"mid":"m_1","text":"Look",
             "quick_reply":{"payload":"SIZE_M"},"reply_to":{"mid":"m_0"},
             "attachments":[
               {"type":"image","payload":{"url":"https://scontent.xx.fbcdn.net/a.jpg"}},
               {"type":"location","title":"Pinned","payload":{"coordinates":{"lat":"38.72","long":-9.14}}},
               {"type":"fallback","title":"A shared link","url":"https://l.facebook.com/x","payload":null},
               {"type":"fallback"},
               {"type":"file","payload":{}},
               {"type":"ig_reel","payload":{"url":"https://lookaside.fbsbx.com/r"}},
               {"type":"template","payload":{"template_type":"product"}}]}}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(e.Text, Is.EqualTo("Look"));
            Assert.That((e.QuickReplyPayload, e.ReplyToMid), Is.EqualTo(("SIZE_M", "m_0")));
            Assert.That(e.Attachments, Is.EqualTo(new[]
            {
                new MessengerAttachment("image", "https://scontent.xx.fbcdn.net/a.jpg"),
                new MessengerAttachment("location", Title: "Pinned", Latitude: 38.72, Longitude: -9.14),
                new MessengerAttachment("fallback", "https://l.facebook.com/x", "A shared link"),
                new MessengerAttachment("fallback"),
                new MessengerAttachment("file"),
                new MessengerAttachment("ig_reel", "https://lookaside.fbsbx.com/r"),
                new MessengerAttachment("template", Title: "product"),
            }));
        });
    }

    [Test]
    public void A_sticker_sent_as_a_sticker_and_as_an_image_is_kept_once_and_an_image_with_a_sticker_id_is_a_sticker()
    {
        var both = One("""
            {"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1,"message":{"mid":"m_1","attachments":[
              {"type":"image","payload":{"url":"https://scontent.xx.fbcdn.net/s.png","sticker_id":369239263222822}},
              {"type":"sticker","payload":{"url":"https://scontent.xx.fbcdn.net/s.png","sticker_id":"369239263222822"}}]}}
            """);
        var old = One("""
            {"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1,"message":{"mid":"m_2","sticker_id":369239263222822,"attachments":[
              {"type":"image","payload":{"url":"https://scontent.xx.fbcdn.net/s.png","sticker_id":369239263222822}}]}}
            """);
        var expected = new[] { new MessengerAttachment("sticker", "https://scontent.xx.fbcdn.net/s.png", StickerId: "369239263222822") };
        Assert.That(both.Attachments, Is.EqualTo(expected));
        Assert.That(old.Attachments, Is.EqualTo(expected));
    }

    [TestCase("\"2\"")]
    [TestCase("2")]
    public void An_edit_reads_the_new_text_and_the_edit_count_as_a_number_or_a_string(string numEdit)
    {
        var e = One($$$"""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1763640000000,"message_edit":{"mid":"m_1","text":"Fixed","num_edit":{{{numEdit}}}}}""");
        Assert.That((e.Kind, e.Mid, e.Edit), Is.EqualTo((MessengerEventKind.Edit, (string?)"m_1", (MessengerEdit?)new MessengerEdit("Fixed", 2))));
    }

    [Test]
    public void An_edit_sent_by_the_page_is_marked_as_the_pages_so_it_never_becomes_the_customers_words()
    {
        var byPage = One("""{"sender":{"id":"108"},"recipient":{"id":"7001"},"timestamp":1763640000000,"message_edit":{"mid":"m_1","text":"Fixed","num_edit":1}}""");
        var byCustomer = One("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1763640000000,"message_edit":{"mid":"m_1","text":"Fixed","num_edit":1}}""");
        Assert.That((byPage.Psid, byPage.Edit!.ByPage, byCustomer.Edit!.ByPage), Is.EqualTo(("7001", true, false)));
    }

    [Test]
    public void A_reaction_and_an_unreact_without_an_emoji_name_the_message_they_are_about()
    {
        var react = One("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1,"reaction":{"reaction":"love","emoji":"\u2764\uFE0F","action":"react","mid":"m_1"}}""");
        var unreact = One("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":2,"reaction":{"action":"unreact","mid":"m_1"}}""", "standby");
        Assert.Multiple(() =>
        {
            Assert.That((react.Kind, react.Mid, react.Reaction), Is.EqualTo((MessengerEventKind.Reaction, (string?)"m_1", (MessengerReaction?)new MessengerReaction("❤️", "love", false))));
            Assert.That((unreact.Reaction, unreact.Standby), Is.EqualTo(((MessengerReaction?)new MessengerReaction(null, null, true), true)));
        });
    }

    [Test]
    public void A_referral_from_an_ad_reads_the_ad_its_title_and_post()
    {
        var e = One("""
            {"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1,"referral":{"ref":"promo","ad_id":6045246247433,"source":"ADS","type":"OPEN_THREAD",
             "ads_context_data":{"ad_title":"Spring rides","photo_url":"https://x","post_id":"108_77"}}}
            """);
        Assert.That((e.Kind, e.Referral), Is.EqualTo((MessengerEventKind.Referral, (Referral?)new Referral("ADS", "promo", "6045246247433", "Spring rides", "108_77", "OPEN_THREAD") { PhotoUrl = "https://x" })));
    }

    [Test]
    public void An_optin_to_notification_messages_reads_its_token_and_when_it_expires()
    {
        var e = One("""
            {"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":"1763640000000","optin":{"type":"notification_messages","payload":"DEALS",
             "notification_messages_token":"tok","notification_messages_frequency":"WEEKLY","token_expiry_timestamp":1779192000000,
             "user_token_status":"NOT_REFRESHED","notification_messages_status":"RESUME_NOTIFICATIONS","title":"Weekly deals"}}
            """);
        Assert.That(e.Optin, Is.EqualTo(new MessengerOptin("notification_messages", "Weekly deals", "DEALS", "tok", "WEEKLY", "RESUME_NOTIFICATIONS",
            DateTimeOffset.FromUnixTimeMilliseconds(1_779_192_000_000))));
        Assert.That(e.Optin!.ToString(), Does.Not.Contain("tok,").And.Not.Contain("= tok"), "the token never shows in logs");
    }

    [Test]
    public void Handover_events_read_the_apps_as_numbers_or_strings()
    {
        var pass = One("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1,"pass_thread_control":{"previous_owner_app_id":null,"new_owner_app_id":123456789,"metadata":"m"}}""");
        var take = One("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1,"take_thread_control":{"previous_owner_app_id":"123456789","new_owner_app_id":"263902037430900"}}""");
        var request = One("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1,"request_thread_control":{"requested_owner_app_id":263902037430900,"metadata":"help"}}""");
        Assert.Multiple(() =>
        {
            Assert.That(pass.Handover, Is.EqualTo(new MessengerHandover(MessengerHandover.Pass, null, "123456789", null, "m")));
            Assert.That(take.Handover, Is.EqualTo(new MessengerHandover(MessengerHandover.Take, "123456789", "263902037430900", null, null)));
            Assert.That(request.Handover, Is.EqualTo(new MessengerHandover(MessengerHandover.Request, null, null, "263902037430900", "help")));
        });
    }

    [Test]
    public void Policy_enforcement_has_no_customer_and_names_the_page_as_recipient()
    {
        var e = One("""{"recipient":{"id":"108"},"timestamp":1763640000000,"policy_enforcement":{"action":"block","reason":"Spam"}}""");
        Assert.That((e.Kind, e.PageId, e.Psid, e.Policy), Is.EqualTo((MessengerEventKind.PolicyEnforcement, "108", string.Empty, (MessengerPolicyEnforcement?)new MessengerPolicyEnforcement("block", "Spam"))));
    }

    [TestCase("1763640000000")]
    [TestCase("\"1763640000000\"")]
    [TestCase("\"1763640000\"")]
    public void Receipt_watermarks_are_read_as_numbers_or_strings_of_milliseconds_or_seconds(string watermark)
    {
        var delivery = One($$$"""{"sender":{"id":"7001"},"recipient":{"id":"108"},"delivery":{"mids":["m_1"],"watermark":{{{watermark}}}}}""");
        var read = One($$$"""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1,"read":{"watermark":{{{watermark}}}}}""");
        Assert.That((delivery.Watermark, read.Watermark), Is.EqualTo(((DateTimeOffset?)At, (DateTimeOffset?)At)));
    }

    [Test]
    public void Echo_app_ids_are_read_as_strings_or_numbers_or_left_out()
    {
        var asString = One("""{"sender":{"id":"108"},"recipient":{"id":"7001"},"timestamp":1,"message":{"is_echo":true,"app_id":"263902037430900","mid":"m_1","text":"Hi"}}""");
        var absent = One("""{"sender":{"id":"108"},"recipient":{"id":"7001"},"timestamp":1,"message":{"is_echo":true,"mid":"m_2","text":"Hi"}}""");
        Assert.That((asString.Kind, asString.AppId, asString.Psid), Is.EqualTo((MessengerEventKind.Echo, (string?)MessengerWebhookEvent.MetaPageInboxAppId, "7001")));
        Assert.That(absent.AppId, Is.Null);
    }

    [Test]
    public void Unknown_events_malformed_items_and_fields_of_the_wrong_kind_are_skipped_never_thrown()
    {
        var events = Parse("""
            {"object":"page","entry":[
              {"id":"108","time":1,"messaging":[1,"x",null,{},
                {"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1,"game_play":{"game_id":"1"}},
                {"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":{"odd":true},"message":{"mid":"m_1","text":5,"attachments":"none"}},
                {"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1,"reaction":"love"},
                {"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1,"message_edit":{"mid":"m_1"}}],
               "standby":{"not":"a list"},
               "changes":[{"field":"feed","value":{"item":"post"}},{"field":"messages","value":"text"},{"field":42}]},
              "not an entry"]}
            """);
        var message = events.Single();
        Assert.That((message.Kind, message.Mid, message.Text, message.Attachments, message.Timestamp), Is.EqualTo((MessengerEventKind.Message, (string?)"m_1", (string?)"5", (IReadOnlyList<MessengerAttachment>?)null, DateTimeOffset.FromUnixTimeSeconds(1))), "a timestamp that is no time: the entry's");
    }
}
