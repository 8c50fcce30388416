using System.Globalization;
using System.Text;

namespace LeadOps.Domain.Leads;

/// <summary>
/// How LeadOps compares what people type with names, e-mails and phones: lower-case, accents removed (Unicode FormD,
/// combining marks dropped, plus the Latin letters that have no decomposition, such as ø, ß, æ, ł), phone numbers as
/// their digits only. "Björn", "björn" and "BJORN" all fold to "bjorn"; "+46 70-123 45 67" to "46701234567".
/// </summary>
public static class SearchFolding
{
    private static readonly Dictionary<char, string> Undecomposable = new()
    {
        ['ø'] = "o", ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['ł'] = "l", ['đ'] = "d", ['ð'] = "d", ['þ'] = "th", ['ı'] = "i", ['ħ'] = "h",
    };

    /// <summary>The text lower-cased and without accents (other characters kept).</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (Undecomposable.TryGetValue(c, out var plain))
            {
                folded.Append(plain);
            }
            else
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The digits of a phone number ("+46 (70) 123" → "4670123").</summary>
    public static string Digits(string text) => string.Concat(text.Where(char.IsAsciiDigit));

    /// <summary>The folded words of a text: runs of letters and digits.</summary>
    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        var word = new StringBuilder();
        foreach (var c in Fold(text).Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
    }

    /// <summary>
    /// What a search asks for, as term prefixes that must all match one of a lead's terms: a number typed with
    /// spaces, dashes or a plus ("+46 70 12") is one run of digits; a word with an @ is kept whole (an e-mail
    /// address's start); any other word is split into its folded words.
    /// </summary>
    public static IReadOnlyList<string> QueryPrefixes(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var trimmed = text.Trim();
        if (trimmed.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.' or '/') && trimmed.Any(char.IsAsciiDigit))
        {
            return [Cut(Digits(trimmed))];
        }

        return [.. trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(word => word.Contains('@', StringComparison.Ordinal) ? [Fold(word)] : Words(word))
            .Select(Cut)
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The smallest string above every string that starts with <paramref name="prefix"/> (for an index range; the Inbox's rule).</summary>
    public static string UpperBound(string prefix) => SearchText.AfterPrefix(prefix);

    internal static string Cut(string term) => TextLimit.Cut(term, LeadSearchTerm.TermLength);
}
