using System.Globalization;
using System.Text;

namespace LeadOps.Infrastructure.Webhooks;

/// <summary>
/// How a Meta webhook body is parsed, at the door and by the worker alike. Meta's reference pages print samples with a
/// trailing comma (<c>messaging_referrals</c>: <c>"type": "OPEN_THREAD",</c> before the closing brace), and the
/// <c>message_reactions</c> reference writes its emoji with code-point escapes JSON does not have
/// (<c>"emoji": "\u{2764}\u{FE0F}"</c>); a body pasted from them is read rather than refused, each <c>\u{…}</c> taken as
/// the character it names. A UTF-8 byte order mark before the body (as editors on Windows save a sample file; RFC 8259
/// §8.1 lets a parser ignore it) is read past. Anything else that is not JSON is still refused.
/// </summary>
public static class MetaWebhookJson
{
    public static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true };

    /// <summary>
    /// Whether a parsed body is a delivery LeadOps keeps: one object, or a list of objects, as Meta's Instagram Platform
    /// "Webhook Notification Examples" print one (<c>[ {"object":"instagram","entry":[…]} ]</c>). Anything else is refused.
    /// </summary>
    public static bool IsDelivery(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object ||
        (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0 && root.EnumerateArray().All(body => body.ValueKind == JsonValueKind.Object));

    /// <summary>Parses a body's UTF-8 bytes; invalid UTF-8 is refused with the reader's <see cref="JsonException"/>.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Span.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        try
        {
            return JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException) when (WithCodePointEscapes(new UTF8Encoding(false, true).GetString(utf8.Span)) is { } rewritten)
        {
            return JsonDocument.Parse(rewritten, Options);
        }
    }

    /// <summary>Parses a stored body.</summary>
    public static JsonDocument Parse(string json)
    {
        json = json.TrimStart('\uFEFF');
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException) when (WithCodePointEscapes(json) is { } rewritten)
        {
            return JsonDocument.Parse(rewritten, Options);
        }
    }

    /// <summary>
    /// The text with every <c>\u{hex}</c> inside a string written as JSON's <c>\uXXXX</c> (a surrogate pair above U+FFFF), or
    /// null when it has none (an escaped backslash followed by <c>u{</c> is left alone) or one names no character.
    /// </summary>
    private static string? WithCodePointEscapes(string json)
    {
        if (!json.Contains("\\u{", StringComparison.Ordinal))
        {
            return null;
        }

        var text = new StringBuilder(json.Length);
        var (inString, changed) = (false, false);
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString && c == '\\' && i + 1 < json.Length)
            {
                if (json[i + 1] == 'u' && i + 2 < json.Length && json[i + 2] == '{' && CodePoint(json, i + 3) is var (value, end) && value is { } scalar)
                {
                    foreach (var unit in char.ConvertFromUtf32(scalar))
                    {
                        text.Append(CultureInfo.InvariantCulture, $"\\u{(int)unit:X4}");
                    }

                    (i, changed) = (end, true);
                    continue;
                }

                text.Append(c).Append(json[++i]);
                continue;
            }

            inString ^= c == '"';
            text.Append(c);
        }

        return changed ? text.ToString() : null;
    }

    /// <summary>The Unicode scalar written as 1 to 6 hex digits from <paramref name="start"/> up to a closing brace, and where that brace is.</summary>
    private static (int? Value, int End) CodePoint(string json, int start)
    {
        var end = start + json.AsSpan(start, Math.Min(7, json.Length - start)).IndexOf('}'); // at most six digits: a look ahead of seven
        return end - start is >= 1 and <= 6 &&
               int.TryParse(json.AsSpan(start, end - start), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) &&
               value <= 0x10FFFF && value is < 0xD800 or > 0xDFFF
            ? (value, end)
            : (null, start);
    }
}
