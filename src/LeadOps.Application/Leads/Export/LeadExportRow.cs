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
    LeadAttribution Attribution,
    string? PartnerName,
    string AnswersJson,
    string ConsentsJson);
