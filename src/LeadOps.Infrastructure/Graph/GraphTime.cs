namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// Graph's timestamps: ISO-8601 with a colon-less offset (<c>2026-11-20T10:15:00+0000</c>), unix seconds, or unix
/// milliseconds. An ISO time written by other software is read too: with a colon in its offset or <c>Z</c>, with more
/// fractional digits than .NET keeps (nanoseconds, cut to ticks), or with no offset at all (taken as UTC, as Graph's are).
/// </summary>
internal static class GraphTime
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
    ];

    public static bool TryParse(string? value, out DateTimeOffset result)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var text = NormaliseOffset(WithinTicks(value.Trim()));
        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out result))
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unix) && unix is > 0 and < 253_402_300_800)
        {
            result = DateTimeOffset.FromUnixTimeSeconds(unix);
            return true;
        }

        // Milliseconds (what Messenger sends, and some senders for leads too).
        if (unix is >= 253_402_300_800 and < 253_402_300_800_000)
        {
            result = DateTimeOffset.FromUnixTimeMilliseconds(unix);
            return true;
        }

        return false;
    }

    /// <summary>Unix seconds, inclusive-safe for a lower bound: everything in the same second or later stays in range.</summary>
    public static long ToUnixSecondsFloor(DateTimeOffset value) => value.ToUnixTimeSeconds();

    /// <summary>Unix seconds rounded up, so that anything earlier than <paramref name="value"/> is below it.</summary>
    public static long ToUnixSecondsCeiling(DateTimeOffset value)
    {
        var seconds = value.ToUnixTimeSeconds();
        return DateTimeOffset.FromUnixTimeSeconds(seconds) < value ? seconds + 1 : seconds;
    }

    /// <summary>Cuts a fraction of a second to the seven digits a tick holds (<c>.898782695Z</c> → <c>.8987826Z</c>).</summary>
    private static string WithinTicks(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || !text.Contains('T', StringComparison.Ordinal))
        {
            return text;
        }

        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end - dot - 1 > 7 ? string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end)) : text;
    }

    /// <summary>Turns a trailing <c>+hhmm</c>/<c>-hhmm</c> into <c>+hh:mm</c>, which .NET parses everywhere.</summary>
    private static string NormaliseOffset(string text)
    {
        if (text.Length > 5 && text[^5] is '+' or '-' && text[^4..].All(char.IsAsciiDigit) && text.Contains('T', StringComparison.Ordinal))
        {
            return string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2));
        }

        return text;
    }
}
