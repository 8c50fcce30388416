using System.Text.Json;
using LeadOps.Infrastructure.Webhooks.Messenger;

namespace LeadOps.UnitTests.Conversations;

/// <summary>
/// The digest that keys a Messenger event sent with no time anywhere: the same event however it is spaced or ordered has
/// one digest, another event another; half of a surrogate pair, which JSON allows and .NET will not read as a string,
/// never makes it throw (a throw would fail the whole delivery).
/// </summary>
public sealed class CanonicalJsonTests
{
    private static string Digest(string json)
    {
        using var document = JsonDocument.Parse(json);
        return CanonicalJson.Sha256(document.RootElement);
    }

    [Test]
    public void The_same_event_spaced_and_ordered_otherwise_has_one_digest_and_another_event_another()
    {
        var digest = Digest("""{"sender":{"id":"1"},"postback":{"title":"Yes","payload":"A"}}""");

        Assert.Multiple(() =>
        {
            Assert.That(Digest("""{ "postback": { "payload": "A", "title": "Yes" }, "sender": { "id": "1" } }"""), Is.EqualTo(digest));
            Assert.That(Digest("""{"sender":{"id":"1"},"postback":{"title":"Yes","payload":"\u0041"}}"""), Is.EqualTo(digest), "an escape is the letter it stands for");
            Assert.That(Digest("""{"sender":{"id":1},"postback":{"title":"Yes","payload":"A"}}"""), Is.Not.EqualTo(digest), "a number is not the string of it");
            Assert.That(Digest("""{"sender":{"id":"1"},"postback":{"title":"No","payload":"A"}}"""), Is.Not.EqualTo(digest));
        });
    }

    [TestCase("""{"sender":{"id":"1"},"message":{"text":"ok \ud83d"}}""", """{"sender":{"id":"1"},"message":{"text":"ok"}}""")]
    [TestCase("""{"sender":{"id":"1"},"message":{"\ud83d":"ok"}}""", """{"sender":{"id":"1"},"message":{"x":"ok"}}""")]
    public void Half_of_a_surrogate_pair_in_a_value_or_a_name_gives_a_digest_of_its_own(string odd, string other)
    {
        Assert.That(() => Digest(odd), Throws.Nothing);
        var first = Digest(odd);
        var again = Digest(odd);
        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(first), "the same bytes sent again");
            Assert.That(first, Is.Not.EqualTo(Digest(other)));
        });
    }
}
