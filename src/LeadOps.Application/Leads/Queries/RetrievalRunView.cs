namespace LeadOps.Application.Leads.Queries;

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
    IReadOnlyList<ProcessedLead>? Items)
{
    public string? Warning { get; init; }
}
