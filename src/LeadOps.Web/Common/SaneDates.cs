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

    /// <summary>The midnight that ends the last allowed day: an exclusive upper bound (<c>until</c>) may be it.</summary>
    public static readonly DateTimeOffset End = new(2101, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const string Range = "between 2000-01-01 and 2100-12-31";

    public static bool Contains(DateTimeOffset value) => value >= Min && value <= Max;

    /// <summary>Whether an exclusive upper bound is sane: an instant in the range, or <see cref="End"/>, which ends it.</summary>
    public static bool ContainsBound(DateTimeOffset value) => value >= Min && value <= End;

    /// <summary>Whether a bound value is a date of any kind outside the range (other values pass).</summary>
    public static bool IsOutOfRange(object? value) => value switch
    {
        DateTimeOffset d => !Contains(d),
        DateTime d => !Contains(new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc))),
        DateOnly d => !Contains(new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))),
        _ => false,
    };
}
