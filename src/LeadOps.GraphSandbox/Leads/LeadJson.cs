namespace LeadOps.GraphSandbox;

/// <summary>
/// A lead node as Graph answers it (also an item of the <c>leads</c> edge). <c>created_time</c> is Graph's time text,
/// or what a <see cref="SandboxLead"/> asked for instead: left out, unreadable, or unix seconds.
/// </summary>
internal sealed record LeadJson(
    string Id, object? CreatedTime, string? AdId, string? AdName, string? AdsetId, string? AdsetName, string? CampaignId,
    string? CampaignName, string FormId, IReadOnlyList<FieldData> FieldData, bool IsOrganic, string Platform,
    IReadOnlyList<ConsentJson>? CustomDisclaimerResponses, string? PartnerName, string? RetailerItemId)
{
    public const string UnreadableTime = "sometime last week";

    public static LeadJson Of(LeadRef lead, LeadContent content, CreatedTimeForm createdTimeAs)
    {
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
            content.FieldData, content.IsOrganic, content.Platform, content.Consents.Count == 0 ? null : content.Consents,
            content.PartnerName, content.RetailerItemId);
    }
}
