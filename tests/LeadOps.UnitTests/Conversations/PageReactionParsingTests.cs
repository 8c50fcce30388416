using System.Text.Json;
using LeadOps.Application.Conversations;
using LeadOps.Infrastructure.Webhooks;

namespace LeadOps.UnitTests.Conversations;

/// <summary>
/// The page's own reaction (a Send API <c>sender_action: "react"</c>, or staff in Meta Business Suite): the page is the
/// <c>sender</c> and the customer the <c>recipient</c>, as for echoes (graph-api-facts.md). Each form the reader takes a
/// reaction in is read as the page's (<see cref="MessengerReaction.ByPage"/>), about the customer it was sent to; the
/// sandbox writes it with <c>MessengerShape.ReactionByPage</c>.
/// </summary>
public sealed class PageReactionParsingTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private const string Beside = """{"sender":{"id":"108"},"recipient":{"id":"7001"},"timestamp":1763640000000,"reaction":{"reaction":"love","emoji":"\u2764\ufe0f","action":"react","mid":"m_customer"}}""";

    private const string Inside = """{"sender":{"id":"108"},"recipient":{"id":"7001"},"timestamp":1763640000000,"message":{"reaction":{"reaction":"love","emoji":"\u2764\ufe0f","action":"react","mid":"m_customer"}}}""";

    private static MessengerWebhookEvent Read(string body)
    {
        using var document = JsonDocument.Parse(body);
        return WebhookPayload.MessengerEvents(document.RootElement, Received).Single();
    }

    private static string InEntry(string list, string item) => """{"object":"page","entry":[{"id":"108","time":1,""" + $"\"{list}\":[{item}]" + "}]}";

    private static string Change(string field, string value) => $"{{\"field\":\"{field}\",\"value\":{value}}}";

    private static void AssertPageReaction(MessengerWebhookEvent e, bool unreact = false) => Assert.Multiple(() =>
    {
        Assert.That((e.Kind, e.PageId, e.Psid, e.Mid), Is.EqualTo((MessengerEventKind.Reaction, "108", "7001", (string?)"m_customer")));
        Assert.That(e.Reaction?.ByPage, Is.True, "the page's reaction, not the customer's");
        Assert.That(e.Reaction?.Unreact, Is.EqualTo(unreact));
    });

    [Test]
    public void A_page_reaction_beside_the_sender_in_messaging_is_the_pages() =>
        AssertPageReaction(Read(InEntry("messaging", Beside)));

    [Test]
    public void A_page_reaction_inside_a_message_in_messaging_is_the_pages() =>
        AssertPageReaction(Read(InEntry("messaging", Inside)));

    [Test]
    public void A_page_taking_its_reaction_back_without_an_emoji_is_the_pages_unreact()
    {
        var e = Read(InEntry("messaging", """{"sender":{"id":"108"},"recipient":{"id":"7001"},"timestamp":1763640000000,"reaction":{"action":"unreact","mid":"m_customer"}}"""));
        AssertPageReaction(e, unreact: true);
        Assert.That((e.Reaction?.Emoji, e.Reaction?.Name), Is.EqualTo(((string?)null, (string?)null)));
    }

    [Test]
    public void A_page_reaction_on_standby_is_the_pages()
    {
        var beside = Read(InEntry("standby", Beside));
        var inside = Read(InEntry("standby", Inside));
        AssertPageReaction(beside);
        AssertPageReaction(inside);
        Assert.That((beside.Standby, inside.Standby), Is.EqualTo((true, true)));
    }

    [Test]
    public void A_page_reaction_in_a_change_of_the_pages_entry_is_the_pages()
    {
        AssertPageReaction(Read(InEntry("changes", Change("message_reactions", Beside))));
        AssertPageReaction(Read(InEntry("changes", Change("messages", Inside))));
    }

    [Test]
    public void The_customers_reaction_in_the_same_forms_is_not_the_pages()
    {
        const string Customer = """{"sender":{"id":"7001"},"recipient":{"id":"108"},"timestamp":1763640000000,"reaction":{"reaction":"love","action":"react","mid":"m_reply"}}""";
        var forms = new[] { InEntry("messaging", Customer), InEntry("standby", Customer), InEntry("changes", Change("message_reactions", Customer)) };
        Assert.That(forms.Select(Read).Select(e => (e.PageId, e.Psid, e.Reaction?.ByPage)), Is.All.EqualTo(("108", "7001", (bool?)false)));
    }
}
