using System.Globalization;

namespace LeadOps.Web.Api;

/// <summary>
/// The paging parameters of the house API's lists, read strictly: absent is the default; anything but a whole number in
/// range is a 400 that names the parameter and its range (it used to fall back to the default in silence, so a client
/// asking for 500 rows got 50 without knowing).
/// </summary>
internal static class QueryPaging
{
    public static bool TryRead(IQueryCollection query, string name, int fallback, int max, out int value, out string? error)
    {
        value = fallback;
        error = null;
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= 1 && parsed <= max)
        {
            value = parsed;
            return true;
        }

        error = string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number from 1 to {max}.");
        return false;
    }
}
