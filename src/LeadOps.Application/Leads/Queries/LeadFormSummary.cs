namespace LeadOps.Application.Leads.Queries;

/// <summary>One lead form of one of the user's pages (the brief's <c>/api/facebook-lead-forms</c> lists these).</summary>
public sealed record LeadFormSummary(string FormId, string Name, string Status, int IntegrationId, string PageId);
