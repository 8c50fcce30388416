namespace LeadOps.GraphSandbox;

/// <summary>
/// A lead node as Graph answers it (also an item of the <c>leads</c> edge). <c>created_time</c> is Graph's time text,
/// or what a <see cref="SandboxLead"/> asked for instead: left out, unreadable, or unix seconds; <c>is_organic</c> a boolean, or
/// the text of one when the lead was submitted so (<see cref="SandboxLead.IsOrganicAsText"/>).
/// </summary>
internal sealed record LeadJson(
    string? Id, object? CreatedTime, string? AdId, string? AdName, string? AdsetId, string? AdsetName, string? CampaignId,
    string? CampaignName, string FormId, IReadOnlyList<FieldData>? FieldData, object IsOrganic, string Platform,
    IReadOnlyList<ConsentJson>? CustomDisclaimerResponses, string? PartnerName, string? RetailerItemId, LeadJson.NodeRef? HomeListing,
    LeadJson.NodeRef? Vehicle, LeadJson.NodeRef? Post)
{
    /// <summary>How Graph names another node inside this one: an object with its id.</summary>
    internal sealed record NodeRef(string Id);

    public const string UnreadableTime = "sometime last week";

    private static NodeRef? Ref(string? id) => id is null ? null : new(id);

    public static LeadJson Of(LeadRef lead, LeadContent content, SandboxLead? chosen)
    {
        var createdTimeAs = chosen?.CreatedTimeAs ?? CreatedTimeForm.Iso;
        var ad = content.Ad;
        object? created = createdTimeAs switch
        {
            CreatedTimeForm.Missing => null,
            CreatedTimeForm.Unreadable => UnreadableTime,
            CreatedTimeForm.Unix => lead.CreatedUnix,
            _ => GraphJson.FormatTime(lead.CreatedUnix),
        };
        return new LeadJson(
            lead.Id, created, ad?.AdId, ad?.AdName, ad?.AdsetId, ad?.AdsetName, ad?.CampaignId, ad?.CampaignName, lead.Form.Id,
            content.FieldData, chosen?.IsOrganicAsText == true ? (content.IsOrganic ? "true" : "false") : content.IsOrganic, content.Platform, content.Consents.Count == 0 ? null : content.Consents,
            content.PartnerName, content.RetailerItemId, Ref(content.HomeListingId), Ref(content.VehicleId), Ref(content.PostId));
    }
}
