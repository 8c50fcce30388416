namespace LeadOps.Web.Common;

/// <summary>
/// The dates LeadOps accepts from people and API clients: leads, retrievals and filters fall between 2000 and 2100.
/// Anything outside is a typing error (or a probe) and is refused with a message, never computed on (9999-12-31 plus a
/// day overflows).
/// </summary>
internal static class SaneDates
{
    public static readonly DateTimeOffset Min = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Max = new(2100, 12, 31, 23, 59, 59, TimeSpan.Zero);

    public const string Range = "between 2000-01-01 and 2100-12-31";

    public static bool Contains(DateTimeOffset value) => value >= Min && value <= Max;

    /// <summary>Whether a bound value is a date of any kind outside the range (other values pass).</summary>
    public static bool IsOutOfRange(object? value) => value switch
    {
        DateTimeOffset d => !Contains(d),
        DateTime d => !Contains(new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc))),
        DateOnly d => !Contains(new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))),
        _ => false,
    };
}
