using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace LeadOps.Application.Leads.Welcome;

/// <summary>
/// Fills the integration's welcome template for one lead. Lead values never carry control characters (so nothing a
/// lead typed can start a new header line), are HTML-encoded in the HTML part, and the subject is one clean line.
/// </summary>
internal static partial class WelcomeRenderer
{
    public const string MessageIdDomain = "leadops.local";
    private const int MaxValueLength = 300;
    private const int MaxSubjectLength = 250;

    public static WelcomeMessage Render(Lead lead, Integration integration)
    {
        var values = Values(lead, integration);
        var subject = OneLine(Fill(integration.WelcomeSubject, values, static s => s), MaxSubjectLength);
        var text = Fill(NormaliseNewlines(integration.WelcomeBody), values, static s => s);
        var html = "<!DOCTYPE html>\n<html><body><div style=\"font-family:sans-serif;line-height:1.5\">\n"
            + Fill(NormaliseNewlines(integration.WelcomeBody), values, static s => WebUtility.HtmlEncode(s).Replace("\n", "<br>\n", StringComparison.Ordinal))
            + "\n</div></body></html>\n";
        return new WelcomeMessage(MessageIdFor(lead), RecipientOf(lead), subject.Length > 0 ? subject : "Welcome", text, html);
    }

    public static WelcomeRecipient RecipientOf(Lead lead) =>
        new(FullName(lead), Clean(lead.Email), Clean(lead.Phone));

    /// <summary>
    /// <c>welcome-{lead id}-{hash of owner and Facebook lead id}@leadops.local</c>: the same for every attempt at the
    /// same lead, different for every lead, and revealing nothing about the person.
    /// </summary>
    public static string MessageIdFor(Lead lead)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{lead.OwnerId}\n{lead.FacebookLeadId}"));
        return string.Create(CultureInfo.InvariantCulture, $"welcome-{lead.Id}-{Convert.ToHexStringLower(hash)[..16]}@{MessageIdDomain}");
    }

    /// <summary>
    /// A value safe anywhere a message goes: control characters (CR, LF, tab, NUL, …) and line or paragraph
    /// separators become spaces, runs of white space one space; null when nothing is left.
    /// </summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var cleaned = OneLine(value, MaxValueLength);
        return cleaned.Length > 0 ? cleaned : null;
    }

    private static Dictionary<string, string> Values(Lead lead, Integration integration)
    {
        var fullName = FullName(lead);
        var firstName = Name(lead.FirstName) ?? fullName?.Split(' ')[0] ?? "there";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["first_name"] = firstName,
            ["full_name"] = fullName ?? string.Empty,
            ["form_name"] = Clean(lead.FormName) ?? "our form",
            ["page_name"] = Clean(integration.PageName) ?? Clean(integration.Name) ?? string.Empty,
        };
    }

    /// <summary>The lead's whole name as it may be written in a message, or null (none, or Meta's testing-tool placeholder).</summary>
    private static string? FullName(Lead lead) => Name(lead.FullName) ?? Name(Join(Name(lead.FirstName), Name(lead.LastName)));

    private static string? Name(string? value) => TestingToolPlaceholder.Unless(Clean(value));

    /// <summary>Replaces the known placeholders; <paramref name="encode"/> is applied to the template's text and to every value alike.</summary>
    private static string Fill(string template, Dictionary<string, string> values, Func<string, string> encode)
    {
        var result = new StringBuilder(template.Length + 64);
        var at = 0;
        foreach (Match match in Placeholder().Matches(template))
        {
            if (!values.TryGetValue(match.Groups[1].Value, out var value))
            {
                continue;
            }

            result.Append(encode(template[at..match.Index])).Append(encode(value));
            at = match.Index + match.Length;
        }

        return result.Append(encode(template[at..])).ToString();
    }

    private static string OneLine(string value, int maxLength)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            var space = char.IsControl(c) || char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
            if (space)
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        var line = builder.ToString().Trim();
        if (line.Length <= maxLength)
        {
            return line;
        }

        var cut = char.IsHighSurrogate(line[maxLength - 1]) ? maxLength - 1 : maxLength;
        return line[..cut].TrimEnd();
    }

    private static string NormaliseNewlines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static string? Join(string? first, string? last) =>
        string.IsNullOrWhiteSpace(first) && string.IsNullOrWhiteSpace(last) ? null : $"{first} {last}";

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
