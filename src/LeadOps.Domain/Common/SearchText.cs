using System.Globalization;
using System.Text;

namespace LeadOps.Domain.Common;

/// <summary>
/// How free text is made searchable: lower case, accents taken off ("João" → "joao"), split into words of letters and
/// digits. A search word matches every stored word it begins (ADR 0020).
/// </summary>
public static class SearchText
{
    /// <summary>The longest word kept (longer ones are cut: a search for their start still finds them).</summary>
    public const int TermLength = 40;

    /// <summary>At most this many different words are kept from one text.</summary>
    public const int MaxTerms = 200;

    /// <summary>At most this many words of a search are used.</summary>
    public const int MaxSearchWords = 5;

    /// <summary>The text in lower case without accents.</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The different words of <paramref name="text"/>, normalised, in the order they first appear.</summary>
    public static IReadOnlyList<string> Terms(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var c in Normalize(text).Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0)
            {
                var term = word.Length > TermLength ? word.ToString(0, TermLength) : word.ToString();
                word.Clear();
                if (seen.Add(term))
                {
                    terms.Add(term);
                    if (terms.Count == MaxTerms)
                    {
                        break;
                    }
                }
            }
        }

        return terms;
    }

    /// <summary>The words of a search, as stored words begin (at most <see cref="MaxSearchWords"/>).</summary>
    public static IReadOnlyList<string> SearchWords(string? search) => [.. Terms(search).Take(MaxSearchWords)];

    /// <summary>
    /// The first string after every string that begins with <paramref name="prefix"/> (ordinal order): stored words
    /// from <paramref name="prefix"/> up to, not including, this one begin with it. Lets an index answer "begins with".
    /// </summary>
    public static string AfterPrefix(string prefix)
    {
        var chars = prefix.ToCharArray();
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            if (chars[i] < char.MaxValue)
            {
                chars[i]++;
                return new string(chars, 0, i + 1);
            }
        }

        return prefix + char.MaxValue;
    }
}
