using System.Text;
using System.Text.Json;
using LeadOps.Infrastructure.Webhooks;

namespace LeadOps.UnitTests.Conversations;

/// <summary>
/// The webhook parser reads the code-point escapes Meta's <c>message_reactions</c> reference prints
/// (<c>"emoji": "\u{2764}\u{FE0F}"</c>) and nothing else that is not JSON.
/// </summary>
public sealed class MetaWebhookJsonTests
{
    [TestCase("""{"emoji":"\u{2764}\u{FE0F}",}""", "\u2764\uFE0F", TestName = "Code_point_escapes_with_metas_trailing_comma")]
    [TestCase("""{"emoji":"\u{1F600} ok"}""", "\U0001F600 ok", TestName = "A_code_point_above_the_basic_plane_is_a_surrogate_pair")]
    [TestCase("""{"emoji":"\\u{41}","other":"\u{41}"}""", "\\u{41}", TestName = "An_escaped_backslash_before_u_brace_is_text")]
    public void Reads_code_point_escapes(string json, string emoji)
    {
        using var fromText = MetaWebhookJson.Parse(json);
        using var fromBytes = MetaWebhookJson.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Multiple(() =>
        {
            Assert.That(fromText.RootElement.GetProperty("emoji").GetString(), Is.EqualTo(emoji));
            Assert.That(fromBytes.RootElement.GetProperty("emoji").GetString(), Is.EqualTo(emoji));
        });
    }

    [TestCase("""{"emoji":"\u{D83D}"}""", TestName = "Half_a_surrogate_pair_is_not_a_character")]
    [TestCase("""{"emoji":"\u{110000}"}""", TestName = "Beyond_unicode_is_not_a_character")]
    [TestCase("""{"emoji":"\u{}"}""", TestName = "No_digits")]
    [TestCase("""{"emoji":"\u{2764}" "x"}""", TestName = "Invalid_json_besides_the_escape")]
    [TestCase("""{"emoji":"\\u{41}" "x"}""", TestName = "Invalid_json_with_an_escaped_backslash_before_u_brace")]
    public void Refuses_what_is_still_not_json(string json)
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => MetaWebhookJson.Parse(json), Throws.InstanceOf<JsonException>());
            Assert.That(() => MetaWebhookJson.Parse(Encoding.UTF8.GetBytes(json)), Throws.InstanceOf<JsonException>());
        });
    }
}
