namespace LeadOps.Application.Integrations;

/// <summary>
/// The page's lead forms as Graph listed them. <see cref="StoppedBy"/> is set when Graph's paging would not let the
/// listing finish (a next page that could not be followed, paging that went round, endless empty pages): the forms
/// listed are good, the page may have more.
/// </summary>
public sealed class FacebookLeadFormList(IReadOnlyList<FacebookLeadFormInfo> forms, GraphFailure? stoppedBy = null)
    : GraphListing<FacebookLeadFormInfo>(forms)
{
    public GraphFailure? StoppedBy { get; } = stoppedBy;
}
