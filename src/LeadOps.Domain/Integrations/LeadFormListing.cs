namespace LeadOps.Domain.Integrations;

/// <summary>A lead form as Graph lists it for the page.</summary>
public sealed record LeadFormListing(string FormId, string Name, string Status, int? LeadsCount);
