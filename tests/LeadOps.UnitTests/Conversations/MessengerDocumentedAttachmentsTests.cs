using System.Text.Json;
using LeadOps.Application.Conversations;
using LeadOps.Infrastructure.Webhooks;

namespace LeadOps.UnitTests.Conversations;

/// <summary>
/// Attachments exactly as Meta's <c>messages</c> and <c>message_echoes</c> webhook references write them, read into what
/// the Inbox shows: the link of a shared URL (a <c>fallback</c> whose link Meta writes as <c>"URL"</c>), the products of a
/// product template (<c>payload.product.elements[]</c>), the elements of a generic template, and a media template echo.
/// </summary>
public sealed class MessengerDocumentedAttachmentsTests
{
    private static MessengerAttachment Read(string attachment)
    {
        using var document = JsonDocument.Parse(
            """{"object":"page","entry":[{"id":"108","time":1518479195594,"messaging":[{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1518479195308,"message":{"mid":"m_1","attachments":["""
            + attachment + "]}}]}]}");
        return WebhookPayload.MessengerEvents(document.RootElement, DateTimeOffset.UnixEpoch).Single().Attachments!.Single();
    }

    // messages / message_echoes reference, "Message with fallback attachment": the link is the attachment's "URL".
    [TestCase("""{"type":"fallback","payload":null,"title":"Spring rides","URL":"https://example.com/spring"}""",
        "fallback", "https://example.com/spring", "Spring rides", TestName = "Fallback_with_its_link_as_URL")]
    [TestCase("""{"type":"fallback","payload":null,"title":"Spring rides","url":"https://example.com/spring"}""",
        "fallback", "https://example.com/spring", "Spring rides", TestName = "Fallback_with_its_link_as_url")]
    [TestCase("""{"type":"fallback","payload":{"url":"https://example.com/spring","title":"Spring rides"}}""",
        "fallback", "https://example.com/spring", "Spring rides", TestName = "Fallback_with_its_link_in_the_payload")]
    // messages reference, "Message with product template": the products are payload.product.elements[].
    [TestCase("""{"type":"template","payload":{"product":{"elements":[{"id":"3119374954829390","retailer_id":"bike-29","image_url":"https://scontent.xx.fbcdn.net/p.jpg","title":"Trail bike 29er","subtitle":"1299 EUR"},{"id":3119374954829391,"retailer_id":"helmet","image_url":"https://scontent.xx.fbcdn.net/h.jpg","title":"Helmet","subtitle":"89 EUR"}]}}}""",
        "template", null, "Trail bike 29er, Helmet", TestName = "Product_template_with_two_products")]
    [TestCase("""{"type":"template","payload":{"product":{"elements":[{"id":"3119374954829390","retailer_id":"bike-29"}]}}}""",
        "template", null, null, TestName = "Product_template_without_titles")]
    // message_echoes reference: a generic template the page sent, and Example 2's media template (empty title, link on the attachment).
    [TestCase("""{"type":"template","payload":{"template_type":"generic","sharable":false,"elements":[{"title":"Welcome!","image_url":"https://example.com/w.png","subtitle":"We have the right hat for everyone.","buttons":[{"type":"postback","title":"Start Chatting","payload":"DEVELOPER_DEFINED_PAYLOAD"}]}]}}""",
        "template", null, "Welcome!", TestName = "Generic_template_echo")]
    [TestCase("""{"title":"","url":"https:\/\/www.facebook.com\/commerce\/update\/","type":"template","payload":{"template_type":"media","elements":[{"media_type":"image","attachment_id":2457235337685388}]}}""",
        "template", "https://www.facebook.com/commerce/update/", "media", TestName = "Media_template_echo_as_in_example_2")]
    [TestCase("""{"type":"template","payload":{"template_type":"button","text":"What do you want to do next?","buttons":[{"type":"web_url","url":"https://www.messenger.com","title":"Visit Messenger"}]}}""",
        "template", null, "What do you want to do next?", TestName = "Button_template_echo_keeps_its_question")]
    [TestCase("""{"type":"template","payload":{"template_type":"product"}}""", "template", null, "product", TestName = "Template_with_only_its_type")]
    // Media of every documented type, with the link in the payload; types LeadOps does not know are kept by name.
    [TestCase("""{"type":"reel","payload":{"url":"https://lookaside.fbsbx.com/r1","reel_video_id":"1"}}""", "reel", "https://lookaside.fbsbx.com/r1", null, TestName = "Reel")]
    [TestCase("""{"type":"ig_reel","payload":{"url":"https://lookaside.fbsbx.com/r2","title":"Weekend ride","reel_video_id":"2"}}""", "ig_reel", "https://lookaside.fbsbx.com/r2", "Weekend ride", TestName = "Ig_reel_with_its_title")]
    [TestCase("""{"type":"story_mention","payload":{"url":"https://lookaside.fbsbx.com/s"}}""", "story_mention", "https://lookaside.fbsbx.com/s", null, TestName = "Story_mention")]
    [TestCase("""{"type":"share","payload":{"url":"https://lookaside.fbsbx.com/sh"}}""", "share", "https://lookaside.fbsbx.com/sh", null, TestName = "Share")]
    [TestCase("""{"type":"ig_post","payload":{"ig_post_media_id":"17900000000000000","title":"New helmets","url":"https://lookaside.fbsbx.com/p"}}""", "ig_post", "https://lookaside.fbsbx.com/p", "New helmets", TestName = "Ig_post")]
    [TestCase("""{"title":"Sam's Location","url":"https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.bing.com%2Fmaps","type":"location","payload":{"coordinates":{"lat":52.3765533,"long":4.8861132}}}""",
        "location", "https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.bing.com%2Fmaps", "Sam's Location", TestName = "Location_in_the_older_form")]
    [TestCase("""{"type":"appointment_booking","payload":{"appointment_id":"9"}}""", "appointment_booking", null, null, TestName = "Appointment_booking")]
    // messages reference (attachment table): payload {booking_id, status, start_time, end_time, timezone}, times in unix seconds.
    [TestCase("""{"type":"appointment_booking","payload":{"booking_id":"1122","status":"confirmed","start_time":1796943600,"end_time":1796950800,"timezone":"Europe/Lisbon"}}""",
        "appointment_booking", null, "Appointment confirmed: Thu 10 Dec 2026 23:00–Fri 11 Dec 2026 01:00 (Europe/Lisbon)", TestName = "Appointment_booking_as_the_reference_writes_it")]
    [TestCase("""{"type":"appointment_booking","payload":{"booking_id":"1122","status":"declined"}}""", "appointment_booking", null, "Appointment declined", TestName = "Appointment_booking_without_times")]
    public void A_documented_attachment_keeps_its_link_and_title(string attachment, string type, string? url, string? title)
    {
        var read = Read(attachment);
        Assert.That((read.Type, read.Url, read.Title), Is.EqualTo((type, url, title)));
    }
}
