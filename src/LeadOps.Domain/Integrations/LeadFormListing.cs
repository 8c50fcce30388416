namespace LeadOps.Domain.Integrations;

/// <summary>A lead form as Graph lists it for the page; <paramref name="Questions"/> null when Graph did not say.</summary>
public sealed record LeadFormListing(string FormId, string Name, string Status, int? LeadsCount, IReadOnlyList<LeadFormQuestion>? Questions = null);
