namespace LeadOps.Domain.Leads;

/// <summary>Staff asked for a retrieval of a form (the page's Retrieve or the API); scheduled runs raise none.</summary>
public sealed record RetrievalRequested(RetrievalRun Run) : IDomainEvent;
