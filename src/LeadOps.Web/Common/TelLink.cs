namespace LeadOps.Web.Common;

/// <summary>A phone number as a <c>tel:</c> link takes it: a leading + and the digits, nothing a lead typed besides.</summary>
public static class TelLink
{
    public static string Of(string phone)
    {
        var digits = string.Concat(phone.Where(char.IsAsciiDigit));
        return phone.TrimStart().StartsWith('+') ? "+" + digits : digits;
    }
}
