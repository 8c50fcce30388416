namespace LeadOps.Application.Leads.Export;

/// <summary>One lead as the export reads it: its columns, with answers and consents still as stored (JSON).</summary>
public sealed record LeadExportRow(
    long Id,
    string FacebookLeadId,
    DateTimeOffset CreatedTime,
    DateTimeOffset FirstSeenAt,
    LeadSource Source,
    WelcomeStatus WelcomeStatus,
    int? IntegrationId,
    string PageId,
    string FormId,
    string? FormName,
    string? FullName,
    string? Email,
    string? Phone,
    string? AdId,
    string? AdName,
    string? AdsetId,
    string? AdsetName,
    string? CampaignId,
    string? CampaignName,
    bool? IsOrganic,
    string? Platform,
    string? PartnerName,
    string AnswersJson,
    string ConsentsJson);
