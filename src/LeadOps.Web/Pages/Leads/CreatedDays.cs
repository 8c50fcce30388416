using System.Globalization;
using LeadOps.Web.Common;
using Microsoft.Extensions.Primitives;

namespace LeadOps.Web.Pages.Leads;

/// <summary>
/// The Leads page's "Created from" and "Created until" filters (<c>since</c>, <c>until</c>) are whole days in UTC, as its
/// date pickers show them and as the retrieve panel reads its dates: until a day includes that day. The list's API
/// (<c>GET /api/leads</c>, its export) reads <c>until</c> as an instant it stops before, so a day the page was given is
/// passed on as the next midnight, for the list, its count and its CSV link alike (the last allowed day, 2100-12-31, ends
/// at <see cref="SaneDates.End"/>, which the API takes as an until). A time given in full passes unchanged.
/// </summary>
internal static class CreatedDays
{
    private const string DayFormat = "yyyy-MM-dd";

    /// <summary>The page's query with a day in <c>until</c> read as the midnight that ends it.</summary>
    public static IQueryCollection ForList(IQueryCollection query)
    {
        if (Day(query["until"]) is not { } until)
        {
            return query;
        }

        var next = new DateTimeOffset(until.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var values = query.ToDictionary(kv => kv.Key, kv => kv.Value);
        values["until"] = next.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        return new QueryCollection(values);
    }

    /// <summary>Why the page's dates cannot be applied, in the form's words; null when they can (or are not days).</summary>
    public static string? Refusal(IQueryCollection query)
    {
        foreach (var (key, label) in new[] { ("since", "Created from"), ("until", "Created until") })
        {
            if (query[key].ToString() is { Length: > 0 } value && !IsDate(value))
            {
                return $"{label} must be a date {SaneDates.Range}.";
            }
        }

        return Day(query["since"]) is { } since && Day(query["until"]) is { } until && until < since
            ? "Created until must be on or after Created from."
            : null;
    }

    private static DateOnly? Day(StringValues value) =>
        DateOnly.TryParseExact(value.ToString(), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
        && SaneDates.Contains(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) ? day : null;

    private static bool IsDate(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) && SaneDates.Contains(parsed);
}
