namespace LeadOps.GraphSandbox;

/// <summary>A lead node as Graph answers it (also an item of the <c>leads</c> edge).</summary>
internal sealed record LeadJson(
    string Id, string CreatedTime, string? AdId, string? AdName, string? AdsetId, string? AdsetName, string? CampaignId,
    string? CampaignName, string FormId, IReadOnlyList<FieldData> FieldData, bool IsOrganic, string Platform)
{
    public static LeadJson Of(LeadRef lead, LeadContent content)
    {
        var ad = content.Ad;
        return new LeadJson(
            lead.Id, GraphJson.FormatTime(lead.CreatedUnix), ad?.AdId, ad?.AdName, ad?.AdsetId, ad?.AdsetName, ad?.CampaignId,
            ad?.CampaignName, lead.Form.Id, content.FieldData, content.IsOrganic, content.Platform);
    }
}
