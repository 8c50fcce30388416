namespace LeadOps.Application.Leads.Queries;

/// <summary>A lead LeadOps could not store, as the sync history lists it; <see cref="StoredLeadId"/> once a later path stored it.</summary>
public sealed record LeadFailureView(
    string FacebookLeadId,
    int IntegrationId,
    string FormId,
    LeadSource Source,
    string Reason,
    DateTimeOffset FirstFailedAt,
    DateTimeOffset LastFailedAt,
    int Attempts,
    long? StoredLeadId);
