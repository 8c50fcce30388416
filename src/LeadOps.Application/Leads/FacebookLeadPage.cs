namespace LeadOps.Application.Leads;

/// <summary>
/// One Graph page of a form's leads. <see cref="Warning"/> is set on the last page of a walk that Graph did not let
/// finish cleanly (a cursor that kept repeating): what was read is good, but the form may hold more.
/// </summary>
public sealed class FacebookLeadPage(IReadOnlyList<FacebookLeadData> leads, string? warning = null) : GraphListing<FacebookLeadData>(leads)
{
    public string? Warning { get; } = warning;
}
