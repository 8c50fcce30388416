namespace LeadOps.Application.Integrations;

/// <summary>What Graph told LeadOps about an integration, handed to the integration's own rules.</summary>
internal static class GraphFindings
{
    /// <summary>A failed Graph call, in the integration's terms (see <see cref="Integration.RecordFailure(IntegrationFault, string, string?)"/>).</summary>
    public static void RecordFailure(this Integration integration, GraphFailure failure)
    {
        var fault = failure.Kind switch
        {
            GraphFailureKind.TokenInvalid => IntegrationFault.TokenInvalid,
            GraphFailureKind.PermissionMissing => IntegrationFault.PermissionMissing,
            _ => IntegrationFault.Other,
        };
        integration.RecordFailure(fault, GraphFailureText.Describe(failure), failure.MissingPermission);
    }

    /// <summary>The page's lead forms as Graph listed them (see <see cref="Integration.MergeForms"/>).</summary>
    public static void MergeForms(this Integration integration, IReadOnlyList<FacebookLeadFormInfo> forms, DateTimeOffset now) =>
        integration.MergeForms(forms.Select(f => new LeadFormListing(f.Id, f.Name, f.Status, f.LeadsCount, f.Questions)), now);
}
