namespace LeadOps.Application.Leads;

/// <summary>What brought a lead: its ad, ad set and campaign (ids and names), whether it was organic, and on which platform.</summary>
public sealed record LeadAttribution(
    string? AdId,
    string? AdName,
    string? AdsetId,
    string? AdsetName,
    string? CampaignId,
    string? CampaignName,
    bool? IsOrganic,
    string? Platform);
