using System.Text.Json;
using LeadOps.Application.Conversations;
using LeadOps.Infrastructure.Webhooks;

namespace LeadOps.UnitTests.Conversations;

/// <summary>
/// Webhook bodies as Meta's webhook reference pages show them (Messenger events of every field, leadgen changes), each
/// read into what LeadOps acts on, and those LeadOps cannot act on skipped without an error.
/// </summary>
public sealed class MetaWebhookShapesTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<MessengerWebhookEvent> Messenger(string json)
    {
        using var document = JsonDocument.Parse(json);
        return WebhookPayload.MessengerEvents(document.RootElement, Received);
    }

    private static IReadOnlyList<MessengerWebhookEvent> InEntry(string item, string list = "messaging") =>
        Messenger($$"""{"object":"page","entry":[{"id":"108","time":1458692752478,"{{list}}":[{{item}}]}]}""");

    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"message":{"mid":"m_1","text":"/flights","commands":[{"name":"flights"}]}}""", MessengerEventKind.Message, TestName = "Message_with_commands")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"message":{"mid":"m_1","text":"Red","quick_reply":{"payload":"RED"}}}""", MessengerEventKind.Message, TestName = "Message_with_a_quick_reply")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"message":{"mid":"m_1","attachments":[{"type":"fallback","payload":null,"title":"A link","URL":"https://x"}]}}""", MessengerEventKind.Message, TestName = "Message_with_a_fallback_without_payload")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"message":{"mid":"m_1","attachments":[{"type":"template","payload":{"template_type":"generic","elements":[{"title":"x"}]}}]}}""", MessengerEventKind.Message, TestName = "Message_with_a_template")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"message":{"mid":"m_1","attachments":[{"type":"image","payload":{"url":"https://x","sticker_id":369239263222822}}]}}""", MessengerEventKind.Message, TestName = "Message_with_a_sticker_as_an_image")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"message":{"mid":"m_1","attachments":[{"type":"image","payload":{"url":"https://x/1"}},{"type":"video","payload":{"url":"https://x/2"}},{"type":"ig_reel","payload":{"url":"https://x/3"}}]}}""", MessengerEventKind.Message, TestName = "Message_with_several_attachments")]
    [TestCase("""{"sender":{"id":"108"},"recipient":{"id":"7001"},"timestamp":1458692752478,"message":{"is_echo":true,"app_id":1517776481860111,"metadata":"DEVELOPER_DEFINED_METADATA","mid":"m_1","text":"Hi"}}""", MessengerEventKind.Echo, TestName = "Echo_with_app_id_and_metadata")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"message_edit":{"mid":"m_1","text":"New","num_edit":1}}""", MessengerEventKind.Edit, TestName = "Message_edit")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"reaction":{"reaction":"love","emoji":"\u2764","action":"react","mid":"m_1"}}""", MessengerEventKind.Reaction, TestName = "Reaction_react")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"reaction":{"action":"unreact","mid":"m_1"}}""", MessengerEventKind.Reaction, TestName = "Reaction_unreact")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":"1458692752478","delivery":{"mids":["m_1","m_2"],"watermark":"1458668856253"}}""", MessengerEventKind.Delivery, TestName = "Delivery_with_mids_and_a_string_watermark")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"delivery":{"watermark":1458668856253}}""", MessengerEventKind.Delivery, TestName = "Delivery_without_mids")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"read":{"watermark":1458668856253}}""", MessengerEventKind.Read, TestName = "Read_with_a_number_watermark")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":"1527459824","postback":{"mid":"m_1","title":"Get Started","payload":"GET_STARTED","referral":{"ref":"x","source":"SHORTLINK","type":"OPEN_THREAD"}}}""", MessengerEventKind.Postback, TestName = "Postback_with_referral_and_seconds_string")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"referral":{"ref":"x","source":"CUSTOMER_CHAT_PLUGIN","type":"OPEN_THREAD","referer_uri":"https://x"}}""", MessengerEventKind.Referral, TestName = "Referral_from_the_chat_plugin")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"optin":{"type":"notification_messages","payload":"P","notification_messages_token":"T","notification_messages_frequency":"DAILY","notification_messages_timezone":"UTC","token_expiry_timestamp":"1779192000000","user_token_status":"REFRESHED"}}""", MessengerEventKind.Optin, TestName = "Optin_to_notification_messages_with_strings")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"pass_thread_control":{"new_owner_app_id":"123456789","previous_owner_app_id":263902037430900,"metadata":"x"}}""", MessengerEventKind.Handover, TestName = "Handover_pass")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"take_thread_control":{"previous_owner_app_id":"123456789","new_owner_app_id":"263902037430900","metadata":"x"}}""", MessengerEventKind.Handover, TestName = "Handover_take")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"request_thread_control":{"requested_owner_app_id":123456789,"metadata":"x"}}""", MessengerEventKind.Handover, TestName = "Handover_request")]
    [TestCase("""{"recipient":{"id":"108"},"timestamp":1458692752478,"policy_enforcement":{"action":"warning","reason":"Spam"}}""", MessengerEventKind.PolicyEnforcement, TestName = "Policy_warning")]
    [TestCase("""{"recipient":{"id":"108"},"timestamp":1458692752478,"policy_enforcement":{"action":"unblock"}}""", MessengerEventKind.PolicyEnforcement, TestName = "Policy_unblock_without_reason")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1234567890,"optin":{"ref":"PASS_THROUGH_PARAM"}}""", MessengerEventKind.Optin, TestName = "Optin_from_send_to_messenger")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":"1458692752478","optin":{"type":"notification_messages","payload":"DEALS","notification_messages_token":"T","notification_messages_status":"STOP_NOTIFICATIONS","title":"Deals"}}""", MessengerEventKind.Optin, TestName = "Optin_stopped")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"postback":{"title":"Get Started"}}""", MessengerEventKind.Postback, TestName = "Postback_without_payload_or_mid")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"postback":{"mid":"m_1","payload":"P"}}""", MessengerEventKind.Postback, TestName = "Postback_without_title")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"referral":{"ref":"r","ad_id":6045246247433,"source":"ADS","type":"OPEN_THREAD","ads_context_data":{"ad_title":"Spring","photo_url":"https://x/p.jpg","video_url":"https://x/v.jpg","post_id":"108_1","product_id":"55","flow_id":"9"}}}""", MessengerEventKind.Referral, TestName = "Referral_from_an_ad_with_its_context")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"order":{"products":[{"id":123,"retailer_id":"r1","name":"n1","unit_price":11,"currency":"THB","quantity":1}],"note":"foobar"}}""", MessengerEventKind.Message, TestName = "Send_cart")]
    public void Each_documented_messenger_event_is_read_in_messaging_and_standby(string item, MessengerEventKind kind)
    {
        Assert.Multiple(() =>
        {
            Assert.That(InEntry(item).Select(e => (e.Kind, e.PageId, e.Standby)), Is.EqualTo(new[] { (kind, "108", false) }));
            Assert.That(InEntry(item, "standby").Select(e => (e.Kind, e.PageId, e.Standby)), Is.EqualTo(new[] { (kind, "108", true) }));
        });
    }

    [TestCase("""{"recipient":{"id":"108"},"timestamp":1458692752478,"app_roles":{"123456789":["primary_receiver"]}}""", TestName = "App_roles")]
    [TestCase("""{"recipient":{"id":"108"},"timestamp":1458692752478,"optin":{"ref":"PASS_THROUGH","user_ref":"UNIQUE_REF"}}""", TestName = "Checkbox_optin_without_a_sender")]
    [TestCase("""{"sender":{"user_ref":"UNIQUE_REF"},"recipient":{"id":"108"},"timestamp":1458692752478,"message":{"mid":"m_1","text":"Hi"}}""", TestName = "Message_from_a_user_ref")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"game_play":{"game_id":"1"}}""", TestName = "Unknown_event")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1234567890,"account_linking":{"status":"linked","authorization_code":"PASS_THROUGH_AUTHORIZATION_CODE"}}""", TestName = "Account_linking")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1234567890,"account_linking":{"status":"unlinked"}}""", TestName = "Account_unlinking")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1469111400000,"game_play":{"game_id":"1","player_id":"2","context_type":"THREAD","context_id":"3","score":120,"payload":"{}"}}""", TestName = "Game_play_as_documented")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"messaging_feedback":{"feedback_screens":[{"screen_id":0,"questions":{"q1":{"type":"csat","payload":"4","follow_up":{"type":"free_form","payload":"Good"}}}}]}}""", TestName = "Customer_feedback")]
    [TestCase("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"response_feedback":{"mid":"m_1","feedback":"Good response"}}""", TestName = "Response_feedback")]
    public void Events_leadops_cannot_act_on_are_skipped(string item) =>
        Assert.That(InEntry(item), Is.Empty);

    [TestCase("""{"products":[{"id":123,"retailer_id":"retailer_id_1","name":"name1","unit_price":11,"currency":"THB","quantity":1,},{"id":456,"retailer_id":"retailer_id_2","name":"name2","unit_price":22,"currency":"THB","quantity":2,},],"note":"foobar",}""", "Sent a cart: 1 × name1 (11 THB), 2 × name2 (22 THB)\nNote: foobar", TestName = "Send_cart_as_metas_reference_prints_it")]
    [TestCase("""{"products":[{"id":"9","quantity":"3"},{"retailer_id":"sku-1"}]}""", "Sent a cart: 3 × 9, 1 × sku-1", TestName = "Send_cart_without_names_prices_or_note")]
    [TestCase("""{"note":"Only a note"}""", "Note: Only a note", TestName = "Send_cart_with_only_a_note")]
    [TestCase("""{"products":[{"name":"  ","retailer_id":"sku-1","unit_price":" ","currency":"THB","quantity":" "}]}""", "Sent a cart: 1 × sku-1", TestName = "Send_cart_with_blank_name_price_and_quantity")]
    public void A_cart_is_read_as_the_customers_message_in_words(string order, string text)
    {
        using var document = JsonDocument.Parse($$"""{"object":"page","entry":[{"id":"108","time":1,"messaging":[{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"order":{{order}}}]}]}""", MetaWebhookJson.Options);
        var e = WebhookPayload.MessengerEvents(document.RootElement, Received).Single();
        Assert.That((e.Kind, e.Psid, e.Mid, e.Text), Is.EqualTo((MessengerEventKind.Message, "7001", (string?)null, (string?)text)));
    }

    [Test]
    public void An_empty_cart_is_skipped() =>
        Assert.That(InEntry("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"order":{"products":[]}}"""), Is.Empty);

    [Test]
    public void A_one_time_notification_optin_keeps_its_token()
    {
        var e = InEntry("""{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1458692752478,"optin":{"type":"one_time_notif_req","payload":"RESTOCK","one_time_notif_token":"OTN-TOKEN"}}""").Single();
        Assert.That((e.Kind, e.Optin?.Type, e.Optin?.Payload, e.Optin?.Token), Is.EqualTo((MessengerEventKind.Optin, (string?)"one_time_notif_req", (string?)"RESTOCK", (string?)"OTN-TOKEN")));
    }

    [TestCase("""{"leadgen_id":444444444444,"page_id":108,"form_id":444444444444,"adgroup_id":44444444444,"ad_id":444444444444,"created_time":1440120384}""", "108", "444444444444", 1440120384L, TestName = "Leadgen_ids_and_time_as_numbers")]
    [TestCase("""{"leadgen_id":"444444444444","page_id":"108","form_id":"444444444444","adgroup_id":"44444444444","ad_id":"444444444444","created_time":"1440120384"}""", "108", "444444444444", 1440120384L, TestName = "Leadgen_ids_and_time_as_strings")]
    [TestCase("""{"leadgen_id":"444444444444","form_id":"444444444444"}""", "108", "444444444444", null, TestName = "Leadgen_without_page_ad_or_time")]
    [TestCase("""{"leadgen_id":"444444444444","page_id":"108"}""", "108", "", null, TestName = "Leadgen_without_form")]
    [TestCase("""{"leadgen_id":"444444444444","page_id":"108","form_id":"444444444444","created_time":"2024-01-01T10:00:00+0000"}""", "108", "444444444444", 1704103200L, TestName = "Leadgen_with_an_iso_time")]
    [TestCase("""{"leadgen_id":"444444444444","page_id":"108","form_id":"444444444444","created_time":"yesterday"}""", "108", "444444444444", null, TestName = "Leadgen_with_an_unreadable_time")]
    public void A_leadgen_change_is_read_with_ids_as_numbers_or_strings_and_optional_fields_missing(string value, string page, string form, long? created)
    {
        using var document = JsonDocument.Parse($$"""{"object":"page","entry":[{"id":"108","time":1440120384,"changes":[{"field":"leadgen","value":{{value}}}]}]}""");
        var change = WebhookPayload.LeadgenChanges(document.RootElement).Single();
        Assert.That((change.PageId, change.FormId, change.LeadgenId, change.CreatedTime),
            Is.EqualTo((page, form, "444444444444", created is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : (DateTimeOffset?)null)));
    }

    [Test]
    public void A_leadgen_created_time_in_milliseconds_is_read_as_milliseconds()
    {
        using var document = JsonDocument.Parse("""{"object":"page","entry":[{"id":"108","time":1440120384,"changes":[{"field":"leadgen","value":{"leadgen_id":"1","page_id":"108","created_time":1440120384123}}]}]}""");
        Assert.That(WebhookPayload.LeadgenChanges(document.RootElement).Single().CreatedTime, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1440120384123)));
    }

    /// <summary>
    /// The Webhooks reference pages print each field's sample as one bare change with no <c>entry</c>: the Page object's
    /// <c>leadgen</c> field (graph-api/webhooks/reference/page) and Messenger's <c>messaging_postbacks</c> reference
    /// (messenger-platform/reference/webhook-events/messaging_postbacks).
    /// </summary>
    [Test]
    public void A_body_that_is_one_bare_change_is_read_as_that_change()
    {
        using var leadgen = JsonDocument.Parse("""{"field":"leadgen","value":{"ad_id":"444444444","form_id":"444444444","leadgen_id":"444444444","created_time":1765000000,"page_id":"444444444","adgroup_id":"44444444"}}""");
        using var postback = JsonDocument.Parse("""{"field":"messaging_postbacks","value":{"sender":{"id":"12334"},"recipient":{"id":"23245"},"timestamp":"1527459824","postback":{"mid":"m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM","title":"Get Started","payload":"GET_STARTED"}}}""");
        using var feed = JsonDocument.Parse("""{"field":"feed","value":{"item":"status","verb":"add","post_id":"44444444_444444444"}}""");

        var change = WebhookPayload.LeadgenChanges(leadgen.RootElement).Single();
        var tap = WebhookPayload.MessengerEvents(postback.RootElement, Received).Single();
        Assert.Multiple(() =>
        {
            Assert.That((change.PageId, change.FormId, change.LeadgenId, change.CreatedTime), Is.EqualTo(("444444444", "444444444", "444444444", (DateTimeOffset?)DateTimeOffset.FromUnixTimeSeconds(1765000000))));
            Assert.That((tap.Kind, tap.PageId, tap.Psid, tap.Postback?.Payload), Is.EqualTo((MessengerEventKind.Postback, "23245", "12334", (string?)"GET_STARTED")));
            Assert.That(WebhookPayload.MessengerEvents(leadgen.RootElement, Received), Is.Empty);
            Assert.That(WebhookPayload.LeadgenChanges(postback.RootElement), Is.Empty);
            Assert.That(WebhookPayload.LeadgenChanges(feed.RootElement), Is.Empty);
            Assert.That(WebhookPayload.MessengerEvents(feed.RootElement, Received), Is.Empty);
        });
    }

    [Test]
    public void Several_entries_and_changes_in_one_delivery_and_the_dashboards_test_are_all_read_and_other_fields_skipped()
    {
        using var document = JsonDocument.Parse("""
            {"object":"page","entry":[
              {"id":"0","time":1718192019,"changes":[{"field":"leadgen","value":{"ad_id":"444444444","form_id":"444444444","leadgen_id":"444444441","created_time":1718192019,"page_id":"444444444","adgroup_id":"44444444"}}]},
              {"id":"108","time":1440120384,"changes":[
                {"field":"leadgen","value":{"leadgen_id":"1","page_id":"108","form_id":"9"}},
                {"field":"feed","value":{"item":"status"}},
                {"field":"leadgen","value":{"leadgen_id":2,"page_id":108,"form_id":9}}]},
              {"id":"109","time":1440120384,"changes":[{"field":"leadgen","value":{"leadgen_id":"3","form_id":"8"}}]}]}
            """);
        var changes = WebhookPayload.LeadgenChanges(document.RootElement);
        Assert.That(changes.Select(c => (c.PageId, c.LeadgenId)), Is.EqualTo(new[] { ("444444444", "444444441"), ("108", "1"), ("108", "2"), ("109", "3") }));
    }

    /// <summary>
    /// Lists written as objects keyed "0", "1", … in order (Meta's "Retrieving Leads" guide prints the body as a PHP array) are
    /// read as lists; an object whose keys are not 0, 1, … in order is no list. A change without <c>field</c> is a lead only
    /// when its value names a <c>leadgen_id</c>; a change naming another field never is.
    /// </summary>
    [TestCase("""{"entry":{"0":{"id":"108","changes":{"0":{"field":"leadgen","value":{"leadgen_id":"1"}},"1":{"field":"leadgen","value":{"leadgen_id":"2"}}}}}}""", new[] { "1", "2" }, TestName = "Entry_and_changes_keyed_0_and_1")]
    [TestCase("""{"entry":[{"id":"108","changes":{"1":{"field":"leadgen","value":{"leadgen_id":"1"}},"0":{"field":"leadgen","value":{"leadgen_id":"2"}}}}]}""", new string[0], TestName = "Changes_keyed_out_of_order_are_no_list")]
    [TestCase("""{"entry":[{"id":"108","changes":{"leadgen":{"field":"leadgen","value":{"leadgen_id":"1"}}}}]}""", new string[0], TestName = "Changes_keyed_by_name_are_no_list")]
    [TestCase("""{"entry":{"id":"108","changes":{"field":"leadgen","value":{"leadgen_id":"1"}}}}""", new[] { "1" }, TestName = "Entry_and_change_each_one_object_instead_of_a_list")]
    [TestCase("""{"entry":[{"id":"108","changes":[{"value":{"leadgen_id":"1","form_id":"9"}},{"field":null,"value":{"leadgen_id":"2"}},{"value":{"item":"status"}},{"field":"feed","value":{"leadgen_id":"3"}}]}]}""", new[] { "1", "2" }, TestName = "Changes_without_a_field_naming_a_leadgen_id")]
    public void Lists_keyed_0_1_and_changes_without_a_field_are_read_as_leads(string json, string[] leads)
    {
        using var document = JsonDocument.Parse(json);
        Assert.That(WebhookPayload.LeadgenChanges(document.RootElement).Select(c => c.LeadgenId), Is.EqualTo(leads));
    }
}
