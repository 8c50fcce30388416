namespace LeadOps.Domain.Common;

/// <summary>Keeps free text (error reasons, audit notes, whatever Graph sends) within its column.</summary>
public static class TextLimit
{
    /// <summary>The size of every column that holds a reason or an error in plain words.</summary>
    public const int Reason = 1000;

    /// <summary>What ends a value that was cut to fit its column, so that nobody takes it for the whole value.</summary>
    public const string CutMark = "…";

    /// <summary>The text itself when it fits, else its first <paramref name="length"/> characters.</summary>
    public static string Cut(string text, int length = Reason) => text.Length <= length ? text : text[..length];

    /// <summary>
    /// The text itself when it fits (null stays null), else as much of it as fits followed by <see cref="CutMark"/>:
    /// exactly <paramref name="length"/> characters, never half of a surrogate pair.
    /// </summary>
    public static string? Fit(string? text, int length)
    {
        if (text is null || text.Length <= length)
        {
            return text;
        }

        var keep = length - CutMark.Length;
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, Math.Max(0, keep)), CutMark);
    }

    /// <summary>
    /// Text someone sent (Meta, a form) as words: trimmed, null when it says nothing (missing, empty or blank, so that
    /// nothing is left dangling), else its first <paramref name="length"/> characters.
    /// </summary>
    public static string? Words(string? text, int length = int.MaxValue) =>
        string.IsNullOrWhiteSpace(text) ? null : Cut(text.Trim(), length);

    /// <summary>Whether <see cref="Fit"/> cut this value.</summary>
    public static bool WasCut(string? text) => text is not null && text.EndsWith(CutMark, StringComparison.Ordinal);
}
