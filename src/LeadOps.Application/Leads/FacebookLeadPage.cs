using System.Collections.Immutable;

namespace LeadOps.Application.Leads;

/// <summary>
/// One Graph page of a form's leads. <see cref="Warning"/> is set on the last page of a walk that Graph did not let
/// finish cleanly (a cursor that kept repeating, or pages of leads already read under ever new cursors): what was read
/// is good, but the form may hold more.
/// <see cref="LeftOutFields"/> names the lead fields Graph refused for the page, which its leads were read without: every
/// lead is there, only without them.
/// </summary>
public sealed class FacebookLeadPage(IReadOnlyList<FacebookLeadData> leads, string? warning = null) : GraphListing<FacebookLeadData>(leads)
{
    public string? Warning { get; } = warning;

    public IReadOnlyList<string> LeftOutFields { get; init; } = [];

    /// <summary>
    /// The lead fields of Meta's verticals LeadOps asks Graph for beyond the guide's, in the order it asks for them: the
    /// ones Graph may refuse, so that a read goes on without them (<see cref="LeftOutFields"/>).
    /// </summary>
    public static readonly ImmutableArray<string> VerticalFields = ["partner_name", "retailer_item_id", "home_listing", "vehicle", "post"];

    /// <summary>
    /// What a run says when leads it stored were read without <paramref name="fields"/>; null when none was left out. The
    /// fields are named once each in <see cref="VerticalFields"/>' order (any other after them), whatever order pages met them in.
    /// </summary>
    public static string? LeftOutNote(IReadOnlyList<string> fields)
    {
        List<string> named = [.. fields.Distinct(StringComparer.Ordinal).OrderBy(Rank).ThenBy(f => f, StringComparer.Ordinal)];
        return named.Count switch
        {
            0 => null,
            1 => $"Graph refused field {named[0]} for this page; leads were stored without it.",
            _ => $"Graph refused fields {string.Join(", ", named)} for this page; leads were stored without them.",
        };
    }

    private static int Rank(string field) => VerticalFields.IndexOf(field) is >= 0 and var at ? at : VerticalFields.Length;
}
