namespace LeadOps.Application.Integrations;

/// <summary>What Graph told LeadOps about an integration, handed to the integration's own rules.</summary>
internal static class GraphFindings
{
    /// <summary>A failed Graph call, in the integration's terms (see <see cref="Integration.RecordFailure(IntegrationFault, string, string?)"/>).</summary>
    public static void RecordFailure(this Integration integration, GraphFailure failure) =>
        integration.RecordFailure(FaultOf(failure), GraphFailureText.Describe(failure), failure.MissingPermission);

    /// <summary>
    /// A failed listing of the page's lead forms (see <see cref="Integration.RecordFormsNotListed"/>); a refused token is
    /// recorded as such, for it stops everything else too.
    /// </summary>
    public static void RecordFormsNotListed(this Integration integration, GraphFailure failure)
    {
        if (failure.Kind == GraphFailureKind.TokenInvalid)
        {
            integration.RecordFailure(failure);
            return;
        }

        integration.RecordFormsNotListed(FaultOf(failure), GraphFailureText.Describe(failure), failure.MissingPermission);
    }

    private static IntegrationFault FaultOf(GraphFailure failure) => failure.Kind switch
    {
        GraphFailureKind.TokenInvalid => IntegrationFault.TokenInvalid,
        GraphFailureKind.PermissionMissing when failure.AppNotLive => IntegrationFault.Other, // the token has it: App Review and Live mode are missing
        GraphFailureKind.PermissionMissing => IntegrationFault.PermissionMissing,
        _ => IntegrationFault.Other,
    };

    /// <summary>
    /// A failed read of one lead, in the integration's terms; returns the reason to show with the lead. A lead Graph says
    /// does not exist (<see cref="GraphFailure.ObjectMissing"/>) is the lead gone, not the integration at fault.
    /// </summary>
    public static string RecordLeadReadFailure(this Integration integration, GraphFailure failure)
    {
        if (!failure.ObjectMissing)
        {
            integration.RecordFailure(failure);
            return GraphFailureText.Describe(failure);
        }

        integration.RecordFailure(IntegrationFault.ObjectGone, LeadGone);
        return LeadGone;
    }

    private const string LeadGone =
        "Facebook says the lead does not exist: it may have been deleted before LeadOps read it, as test leads made with the Lead Ads testing tool may be.";

    /// <summary>The page's lead forms as Graph listed them (see <see cref="Integration.MergeForms"/>).</summary>
    public static void MergeForms(this Integration integration, IReadOnlyList<FacebookLeadFormInfo> forms, DateTimeOffset now) =>
        integration.MergeForms(forms.Select(f => new LeadFormListing(f.Id, f.Name, f.Status, f.LeadsCount, f.Questions)), now);
}
