using System.Globalization;

namespace LeadOps.Application.Leads.Queries;

/// <summary>
/// Where a keyset page of the lead list ends: the last row's creation time (UTC ticks) and id, as <c>ticks.id</c>. A cursor
/// is only what a page gave out; anything else is not one (the API refuses it rather than start again from the top).
/// </summary>
public readonly record struct LeadCursor(DateTimeOffset Created, long Id)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Created.UtcTicks}.{Id}");

    public static bool TryParse(string? text, out LeadCursor cursor)
    {
        cursor = default;
        var parts = text?.Split('.');
        if (parts is [var ticks, var id]
            && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t <= DateTimeOffset.MaxValue.UtcTicks
            && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
        {
            cursor = new LeadCursor(new DateTimeOffset(t, TimeSpan.Zero), i);
            return true;
        }

        return false;
    }
}
