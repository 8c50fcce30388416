using System.Text.Json;
using LeadOps.Application.Conversations;
using LeadOps.Infrastructure.Webhooks;

namespace LeadOps.UnitTests.Conversations;

public sealed class MessengerWebhookPayloadTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<MessengerWebhookEvent> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return WebhookPayload.MessengerEvents(document.RootElement, Received);
    }

    [Test]
    public void A_customer_message_names_the_page_the_customer_and_the_mid()
    {
        var e = Parse("""
            {"object":"page","entry":[{"id":"108","time":1763640000000,"messaging":[
              {"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1763640000123,"message":{"mid":"m_1","text":"Ol\u00e1"}}]}]}
            """).Single();
        Assert.That(e, Is.EqualTo(new MessengerWebhookEvent(MessengerEventKind.Message, "108", "7001", DateTimeOffset.FromUnixTimeMilliseconds(1763640000123), "m_1", "Olá")));
    }

    [Test]
    public void An_echo_is_the_pages_message_to_the_customer_with_its_app_id()
    {
        var e = Parse("""
            {"object":"page","entry":[{"id":"108","time":1,"messaging":[
              {"sender":{"id":"108"},"recipient":{"id":"7001"},"timestamp":1763640000000,"message":{"is_echo":true,"app_id":263902037430900,"mid":"m_2","text":"Hi"}}]}]}
            """).Single();
        Assert.Multiple(() =>
        {
            Assert.That(e.Kind, Is.EqualTo(MessengerEventKind.Echo));
            Assert.That((e.PageId, e.Psid, e.Mid, e.AppId), Is.EqualTo(("108", "7001", (string?)"m_2", (string?)MessengerWebhookEvent.MetaPageInboxAppId)));
        });
    }

    /// <summary>
    /// Whatever way round the parties are written, the customer is the one that is not the page: an echo with the customer
    /// as sender (botman/driver-facebook's fixture), a message whose sender is the page but has no <c>is_echo</c> (the page's
    /// message all the same), and the dashboard's <c>changes[]</c> form whose entry is the page.
    /// </summary>
    [Test]
    public void The_customer_is_the_party_that_is_not_the_page_and_a_message_the_page_sent_is_an_echo()
    {
        var events = Parse("""
            {"object":"page","entry":[{"id":"108","time":1,
              "messaging":[
                {"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1763640000000,"message":{"is_echo":true,"mid":"m_5","text":"Hi"}},
                {"sender":{"id":"108"},"recipient":{"id":"7001"},"timestamp":1763640000000,"message":{"mid":"m_6","text":"From the page"}}],
              "changes":[{"field":"message_echoes","value":
                {"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1763640000000,"message":{"is_echo":true,"mid":"m_7","text":"Hi"}}}]}]}
            """);
        Assert.That(events.Select(e => (e.Kind, e.PageId, e.Psid, e.Mid)), Is.EqualTo(new[]
        {
            (MessengerEventKind.Echo, "108", "7001", (string?)"m_5"),
            (MessengerEventKind.Echo, "108", "7001", (string?)"m_6"),
            (MessengerEventKind.Echo, "108", "7001", (string?)"m_7"),
        }));
    }

    [Test]
    public void Delivery_read_and_standby_events_are_read_too()
    {
        var events = Parse("""
            {"object":"page","entry":[{"id":"108","time":1,
              "messaging":[{"sender":{"id":"7001"},"recipient":{"id":"108"},"delivery":{"mids":["m_3"],"watermark":1763640000500}}],
              "standby":[{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1763640001000,"read":{"watermark":1763640000900}}]}]}
            """);
        Assert.That(events, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(events[0].Kind, Is.EqualTo(MessengerEventKind.Delivery));
            Assert.That(events[0].Mids, Is.EqualTo(new[] { "m_3" }));
            Assert.That(events[0].Watermark, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1763640000500)));
            Assert.That(events[0].Timestamp, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1)), "no timestamp: the entry's time");
            Assert.That(events[1].Kind, Is.EqualTo(MessengerEventKind.Read));
            Assert.That(events[1].Standby, Is.True);
        });
    }

    [Test]
    public void An_attachment_without_text_is_kept_as_an_attachment_and_leadgen_changes_are_not_messenger_events()
    {
        var events = Parse("""
            {"object":"page","entry":[
              {"id":"108","time":1,"messaging":[{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1,"message":{"mid":"m_4","attachments":[{"type":"image","payload":{"url":"x"}}]}}]},
              {"id":"108","time":1,"changes":[{"field":"leadgen","value":{"leadgen_id":"1","page_id":"108","form_id":"2"}}]}]}
            """);
        var e = events.Single();
        Assert.That(e.Text, Is.Null);
        Assert.That(e.Attachments, Is.EqualTo(new[] { new MessengerAttachment("image", "x") }));
    }
}
