using System.Text.Json;
using LeadOps.Infrastructure.Webhooks;

namespace LeadOps.UnitTests.Conversations;

/// <summary>
/// Which readings a Messenger event in a <c>messaging[]</c> entry gets: the one with the entry's id as the page, and the
/// other with the event's other party as the page, which the webhook takes only when the entry's id is no connected page
/// and that party is. Page 108, customer 7001.
/// </summary>
public sealed class MessengerReadingsTests
{
    private const string Message = "\"message\":{\"mid\":\"m_1\",\"text\":\"hi\"}";
    private const string Echo = "\"message\":{\"mid\":\"m_2\",\"text\":\"hi\",\"is_echo\":true}";
    private const string Reaction = "\"reaction\":{\"mid\":\"m_1\",\"action\":\"react\",\"reaction\":\"love\",\"emoji\":\"x\"}";

    private static (string Page, string? Other) Read(string entry, string sender, string recipient, string content)
    {
        using var document = JsonDocument.Parse($$"""
            {"object":"page","entry":[{"id":"{{entry}}","time":1763640000000,"messaging":[
              {"sender":{"id":"{{sender}}"},"recipient":{"id":"{{recipient}}"},"timestamp":1763640000123,{{content}}}]}]}
            """);
        var reading = WebhookPayload.MessengerReadings(document.RootElement, DateTimeOffset.UnixEpoch).Single();
        return (reading.Event.PageId, reading.WithOtherPartyAsPage?.PageId);
    }

    [TestCase("108", "7001", "108", Message, "108", "7001", TestName = "Entry = page: a customer's message is the page's; its other reading names the customer")]
    [TestCase("108", "108", "7001", Echo, "108", "7001", TestName = "Entry = page: an echo is the page's")]
    [TestCase("108", "108", "7001", Reaction, "108", "7001", TestName = "Entry = page: the page's reaction is the page's")]
    [TestCase("7001", "7001", "108", Message, "7001", "108", TestName = "Entry = customer: a message's other reading names the page")]
    [TestCase("7001", "108", "7001", Echo, "7001", "108", TestName = "Entry = customer: an echo's other reading names the page")]
    [TestCase("7001", "108", "7001", Reaction, "7001", "108", TestName = "Entry = customer: the page's reaction (no echo) has the page as its other reading")]
    public void Readings(string entry, string sender, string recipient, string content, string page, string? other) =>
        Assert.That(Read(entry, sender, recipient, content), Is.EqualTo((page, other)));

    [Test]
    public void An_event_whose_sender_is_its_recipient_has_no_other_reading()
    {
        using var document = JsonDocument.Parse("""
            {"object":"page","entry":[{"id":"7001","time":1763640000000,"messaging":[
              {"sender":{"id":"7001"},"recipient":{"id":"7001"},"timestamp":1763640000123,"message":{"mid":"m_1","text":"hi"}}]}]}
            """);
        Assert.That(WebhookPayload.MessengerReadings(document.RootElement, DateTimeOffset.UnixEpoch).Select(r => r.WithOtherPartyAsPage), Has.All.Null);
    }
}
