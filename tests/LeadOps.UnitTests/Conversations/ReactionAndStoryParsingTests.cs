using System.Text.Json;
using LeadOps.Application.Conversations;
using LeadOps.Infrastructure.Webhooks;

namespace LeadOps.UnitTests.Conversations;

/// <summary>
/// A reaction written inside a message ("Replies and Reactions Webhooks"), a reply to a story (<c>reply_to.story</c>), and
/// attachments written as one object instead of a list, read into events.
/// </summary>
public sealed class ReactionAndStoryParsingTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static MessengerWebhookEvent One(string message)
    {
        using var document = JsonDocument.Parse($$"""
            {"object":"page","entry":[{"id":"108","time":1,"messaging":[
              {"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1763640000000,"message":{{message}}}]}]}
            """);
        return WebhookPayload.MessengerEvents(document.RootElement, Received).Single();
    }

    [Test]
    public void A_message_holding_only_a_reaction_is_that_reaction_and_its_unreact_too()
    {
        var react = One("""{"reaction":{"reaction":"love","emoji":"\u2764\ufe0f","action":"react","mid":"m_reply"}}""");
        var unreact = One("""{"reaction":{"action":"unreact","mid":"m_reply"}}""");
        Assert.Multiple(() =>
        {
            Assert.That((react.Kind, react.Psid, react.Mid, react.Text), Is.EqualTo((MessengerEventKind.Reaction, "7001", (string?)"m_reply", (string?)null)));
            Assert.That(react.Reaction, Is.EqualTo(new MessengerReaction("❤️", "love", false)));
            Assert.That((unreact.Kind, unreact.Mid, unreact.Reaction?.Unreact), Is.EqualTo((MessengerEventKind.Reaction, (string?)"m_reply", (bool?)true)));
        });
    }

    [Test]
    public void A_message_with_words_beside_a_reaction_stays_a_message()
    {
        var e = One("""{"mid":"m_2","text":"San Francisco, reacted","reaction":{"reaction":"love","action":"react","mid":"m_reply"}}""");
        Assert.That((e.Kind, e.Mid, e.Text), Is.EqualTo((MessengerEventKind.Message, (string?)"m_2", (string?)"San Francisco, reacted")));
    }

    [Test]
    public void A_reply_to_a_story_keeps_the_story_as_a_linked_attachment_after_the_messages_own()
    {
        var words = One("""{"mid":"m_3","text":"Hello story","reply_to":{"story":{"url":"https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1","id":"18040775032372871"}}}""");
        var both = One("""{"mid":"m_4","reply_to":{"story":{"id":18040775032372871}},"attachments":[{"type":"image","payload":{"url":"https://scontent.xx.fbcdn.net/a.jpg"}}]}""");
        Assert.Multiple(() =>
        {
            Assert.That((words.Text, words.ReplyToMid), Is.EqualTo(((string?)"Hello story", (string?)null)));
            Assert.That(words.Attachments, Is.EqualTo(new[] { new MessengerAttachment("story_reply", "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1") }));
            Assert.That(both.Attachments, Is.EqualTo(new[] { new MessengerAttachment("image", "https://scontent.xx.fbcdn.net/a.jpg"), new MessengerAttachment("story_reply") }), "a story without a link is still said");
        });
    }

    [Test]
    public void A_postback_whose_title_and_payload_are_null_is_still_the_tap()
    {
        using var document = JsonDocument.Parse("""
            {"object":"page","entry":[{"id":"108","time":1,"messaging":[
              {"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1763640000000,"postback":{"mid":"m_6","title":null,"payload":null}}]}]}
            """);
        var e = WebhookPayload.MessengerEvents(document.RootElement, Received).Single();
        Assert.That((e.Kind, e.Mid, e.Postback), Is.EqualTo((MessengerEventKind.Postback, (string?)"m_6", (MessengerPostback?)new MessengerPostback(null, null))));
    }

    [Test]
    public void Attachments_written_as_one_object_instead_of_a_list_are_read_as_that_one()
    {
        var e = One("""{"mid":"m_5","attachments":{"type":"image","payload":{"url":"https://scontent.xx.fbcdn.net/a.jpg"}}}""");
        Assert.That(e.Attachments, Is.EqualTo(new[] { new MessengerAttachment("image", "https://scontent.xx.fbcdn.net/a.jpg") }));
    }
}
