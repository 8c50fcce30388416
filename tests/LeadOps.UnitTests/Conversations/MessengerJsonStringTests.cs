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
}
