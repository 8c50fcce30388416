namespace LeadOps.Application.Leads;

/// <summary>
/// One lead as Graph returned it. <see cref="Problem"/> is set when part of it could not be read
/// (for example an unparseable created_time); the lead is still passed on so it can be reported as failed.
/// </summary>
public sealed record FacebookLeadData(
    string Id,
    DateTimeOffset? CreatedTime,
    string? FormId,
    string? AdId,
    string? AdName,
    string? AdsetId,
    string? AdsetName,
    string? CampaignId,
    string? CampaignName,
    bool? IsOrganic,
    string? Platform,
    IReadOnlyList<FacebookLeadAnswer> FieldData,
    string? Problem = null);
