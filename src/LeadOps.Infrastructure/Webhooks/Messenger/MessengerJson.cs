using System.Text;

namespace LeadOps.Infrastructure.Webhooks.Messenger;

/// <summary>
/// Reads Messenger's JSON as Meta sends it, in every form its own docs show: ids and numbers as JSON numbers or as
/// strings; times as milliseconds or seconds (normalised to a time), as numbers or strings; anything of another kind
/// is treated as missing, never as an error.
/// </summary>
internal static class MessengerJson
{
    /// <summary>Below this a unix time is taken as seconds (10^11 ms is March 1973; 10^11 s is the year 5138).</summary>
    private const long SecondsBelow = 100_000_000_000;
    private const long LatestMillis = 253_402_300_799_000;
    private const int PayloadLength = Domain.Conversations.MessengerMessage.PayloadLength;

    public static JsonElement? Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    public static IEnumerable<JsonElement> Array(JsonElement element, string name) => WebhookPayload.Array(element, name);

    public static string? Id(JsonElement element, string name) => WebhookPayload.Id(element, name);

    public static string? Id(JsonElement? element, string name) => element is { } e ? Id(e, name) : null;

    /// <summary>A non-empty string (or a number's digits), cut to <paramref name="maxLength"/>.</summary>
    public static string? Text(JsonElement? element, string name, int maxLength = 1000)
    {
        if (element is not { ValueKind: JsonValueKind.Object } e || !e.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => String(value),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrEmpty(text) ? null : Cut(text, maxLength);
    }

    /// <summary>The first <paramref name="maxLength"/> characters, or one fewer where the cut would split a surrogate pair.</summary>
    private static string Cut(string text, int maxLength) =>
        text.Length <= maxLength ? text : text[..(char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength)];

    /// <summary>
    /// A button's or quick reply's <c>payload</c>: Meta sends a string, but some senders put an object or a list there
    /// (cfusting/schedule-assistant <c>testing/postback.sh</c>: <c>"payload":{"action":"schedule"}</c>); it is kept as its
    /// JSON text rather than lost.
    /// </summary>
    public static string? Payload(JsonElement? holder)
    {
        if (holder is { ValueKind: JsonValueKind.Object } h && h.TryGetProperty("payload", out var value) && value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            var json = value.GetRawText();
            return Cut(json, PayloadLength);
        }

        return Text(holder, "payload", PayloadLength);
    }

    /// <summary>
    /// A JSON string's text. JSON lets a string hold half of a UTF-16 surrogate pair (<c>"\uD83D"</c> alone: RFC 8259
    /// §8.2 names it), which .NET will not turn into a string; such a half reads as U+FFFD, so that one odd character
    /// never costs the rest of the delivery.
    /// </summary>
    public static string String(JsonElement value)
    {
        try
        {
            return value.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return Unescape(value.GetRawText());
        }
    }

    /// <summary>
    /// A JSON string literal (already checked by the parser) read by hand, each UTF-16 half that is not part of a pair
    /// replaced with U+FFFD.
    /// </summary>
    private static string Unescape(string literal)
    {
        var text = new StringBuilder(literal.Length);
        for (var i = 1; i < literal.Length - 1; i++)
        {
            var c = literal[i];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            c = literal[++i];
            text.Append(c switch
            {
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'u' => (char)int.Parse(literal.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                _ => c, // \" \\ \/
            });
            i += c == 'u' ? 4 : 0;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                text[i] = '\uFFFD';
            }
        }

        return text.ToString();
    }

    public static bool IsTrue(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) &&
        (value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.String && string.Equals(String(value), "true", StringComparison.OrdinalIgnoreCase)));

    public static int? Int(JsonElement? element, string name) =>
        Text(element, name, 20) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static double? Double(JsonElement? element, string name) =>
        Text(element, name, 40) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : null;

    /// <summary>
    /// A time Meta gives as unix milliseconds or seconds (Meta's postback reference shows <c>"timestamp":"1527459824"</c>,
    /// a string of seconds; elsewhere numbers of milliseconds), or as an ISO-8601 string.
    /// </summary>
    public static DateTimeOffset? Time(JsonElement? element, string name)
    {
        var text = Text(element, name, 40);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            var millis = number < SecondsBelow ? number * 1000 : number;
            return millis is > 0 and < LatestMillis ? DateTimeOffset.FromUnixTimeMilliseconds((long)millis) : null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
    }
}
