namespace LeadOps.Application.Leads.Queries;

public sealed record LeadFilter(
    string? FormId = null,
    LeadSource? Source = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null,
    string? Text = null,
    WelcomeStatus? Welcome = null,
    int? IntegrationId = null);

/// <summary>Keyset page: newest first; <see cref="NextCursor"/> continues after the last row.</summary>
public sealed record LeadPage(IReadOnlyList<LeadListItem> Items, string? NextCursor);

public sealed record LeadListItem(
    long Id,
    string FacebookLeadId,
    string Name,
    string? Email,
    string? Phone,
    string FormId,
    string? FormName,
    LeadSource Source,
    WelcomeStatus WelcomeStatus,
    DateTimeOffset CreatedTime,
    DateTimeOffset FirstSeenAt);

public sealed record LeadDetails(
    long Id,
    string FacebookLeadId,
    int? IntegrationId,
    string PageId,
    string FormId,
    string? FormName,
    string? FullName,
    string? FirstName,
    string? LastName,
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
    DateTimeOffset CreatedTime,
    DateTimeOffset FirstSeenAt,
    LeadSource Source,
    WelcomeStatus WelcomeStatus,
    IReadOnlyList<LeadAnswer> Answers);

public sealed record RetrievalRunView(
    long Id,
    int IntegrationId,
    string FormId,
    string? FormName,
    RetrievalTrigger Trigger,
    DateTimeOffset? Since,
    DateTimeOffset? Until,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    int Retrieved,
    int Created,
    int Existing,
    int Failed,
    RetrievalOutcome Outcome,
    string? Error,
    IReadOnlyList<ProcessedLead>? Items);

/// <summary>How healthy an integration's webhook is: when it last arrived and how many leads it missed.</summary>
public sealed record WebhookHealth(
    int IntegrationId,
    string IntegrationName,
    DateTimeOffset? LastWebhookAt,
    int Leads7Days,
    int FoundByRetrieval7Days,
    int Leads30Days,
    int FoundByRetrieval30Days,
    IReadOnlyList<string> Warnings)
{
    public double MissRate7Days => Leads7Days == 0 ? 0 : (double)FoundByRetrieval7Days / Leads7Days;

    public double MissRate30Days => Leads30Days == 0 ? 0 : (double)FoundByRetrieval30Days / Leads30Days;
}
