namespace LeadOps.Application.Leads;

/// <summary>
/// One Graph page of a form's leads. <see cref="Warning"/> is set on the last page of a walk that Graph did not let
/// finish cleanly (a cursor that kept repeating): what was read is good, but the form may hold more.
/// <see cref="LeftOutFields"/> names the lead fields Graph refused for the page, which its leads were read without: every
/// lead is there, only without them.
/// </summary>
public sealed class FacebookLeadPage(IReadOnlyList<FacebookLeadData> leads, string? warning = null) : GraphListing<FacebookLeadData>(leads)
{
    public string? Warning { get; } = warning;

    public IReadOnlyList<string> LeftOutFields { get; init; } = [];

    /// <summary>What a run says when leads it stored were read without <paramref name="fields"/>; null when none was left out.</summary>
    public static string? LeftOutNote(IReadOnlyList<string> fields) => fields.Count switch
    {
        0 => null,
        1 => $"Graph refused field {fields[0]} for this page; leads were stored without it.",
        _ => $"Graph refused fields {string.Join(", ", fields)} for this page; leads were stored without them.",
    };
}
