using System.Text.RegularExpressions;
using PhoneNumbers;

namespace LeadOps.Domain.Leads;

/// <summary>
/// The keys that say two records are the same person (ADR 0022): an e-mail address in lower case, and a phone number in
/// E.164 (<c>+5511987654321</c>). Only numbers written with their country code (a leading <c>+</c> or <c>00</c>) get a
/// key: without it, the same digits can be different people in different countries.
/// </summary>
public static partial class ContactKeys
{
    public const int EmailLength = Lead.EmailLength;

    /// <summary>E.164 has at most 15 digits after the <c>+</c>.</summary>
    public const int PhoneLength = 16;

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>The address trimmed and in lower case; null when it is no address (or was cut to fit its column).</summary>
    public static string? Email(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || TextLimit.WasCut(email))
        {
            return null;
        }

        var key = email.Trim().ToLowerInvariant();
        return key.Length <= EmailLength && EmailPattern().IsMatch(key) ? key : null;
    }

    /// <summary>The number in E.164, or null when it has no country code or is not a possible number.</summary>
    public static string? Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone) || TextLimit.WasCut(phone))
        {
            return null;
        }

        var text = phone.Trim();
        if (text.StartsWith("00", StringComparison.Ordinal))
        {
            text = "+" + text[2..];
        }

        if (!text.StartsWith('+'))
        {
            return null;
        }

        try
        {
            var number = Phones.Parse(text, null);
            return Phones.IsPossibleNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>The e-mail addresses and international phone numbers written in a message, as keys, in order.</summary>
    public static (IReadOnlyList<string> Emails, IReadOnlyList<string> Phones) FindIn(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ([], []);
        }

        var emails = EmailInText().Matches(text).Select(m => Email(m.Value)).OfType<string>().Distinct().ToList();
        var phones = PhoneInText().Matches(text).Select(m => Phone(m.Value)).OfType<string>().Distinct().ToList();
        return (emails, phones);
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}.\-]+\.\p{L}{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex EmailInText();

    [GeneratedRegex(@"(?:\+|\b00)\d[\d\s().\-]{5,20}\d", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex PhoneInText();
}
