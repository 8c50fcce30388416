using System.Text.Json;
using LeadOps.Infrastructure.Webhooks.Messenger;

namespace LeadOps.UnitTests.Conversations;

/// <summary>
/// A JSON string's text as Messenger's reader takes it: JSON lets a string hold half of a UTF-16 surrogate pair
/// (RFC 8259 §8.2), which .NET refuses to turn into a string; each such half reads as U+FFFD and everything else as
/// written, whatever escapes stand around it.
/// </summary>
public sealed class MessengerJsonStringTests
{
    [TestCase(@"""\ud83d""", "\uFFFD")]
    [TestCase(@"""ok \ud83d""", "ok \uFFFD")]
    [TestCase(@"""\ude00 then \ud83d\ude00""", "\uFFFD then 😀")]
    [TestCase(@"""\ud83d\ud83d\ude00""", "\uFFFD😀")]
    [TestCase(@"""a\\ud83d\ude00""", "a\\ud83d\uFFFD")] // an escaped backslash, then the letters ud83d, then a lone low half
    [TestCase(@"""line\nnext\t\""quoted\"" \/ \\ \u00e9 \ud83d""", "line\nnext\t\"quoted\" / \\ é \uFFFD")]
    public void A_lone_half_of_a_pair_reads_as_the_replacement_character_and_the_rest_as_written(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.That(MessengerJson.String(document.RootElement), Is.EqualTo(expected));
    }

    [Test]
    public void A_string_dotnet_reads_is_read_as_dotnet_reads_it()
    {
        using var document = JsonDocument.Parse(@"""Olá \ud83d\ude00 \u00e9\n""");

        Assert.That(MessengerJson.String(document.RootElement), Is.EqualTo("Olá 😀 é\n"));
    }

    [Test]
    public void A_text_cut_to_its_limit_never_keeps_half_of_a_pair()
    {
        using var document = JsonDocument.Parse("""{"text":"abc😀"}""");

        Assert.Multiple(() =>
        {
            Assert.That(MessengerJson.Text(document.RootElement, "text", 4), Is.EqualTo("abc"), "the emoji does not fit whole");
            Assert.That(MessengerJson.Text(document.RootElement, "text", 5), Is.EqualTo("abc😀"));
            Assert.That(MessengerJson.Text(document.RootElement, "text", 2), Is.EqualTo("ab"));
        });
    }

    [Test]
    public void An_object_payload_cut_to_its_limit_never_keeps_half_of_a_pair()
    {
        var value = new string('x', Domain.Conversations.MessengerMessage.PayloadLength - 7) + "😀"; // {"k":" puts the emoji's first half last within the limit
        using var document = JsonDocument.Parse($$$"""{"payload":{"k":"{{{value}}}"}}""");

        var payload = MessengerJson.Payload(document.RootElement)!;

        Assert.That(payload, Has.Length.EqualTo(Domain.Conversations.MessengerMessage.PayloadLength - 1));
        Assert.That(char.IsHighSurrogate(payload[^1]), Is.False);
    }
}
