namespace LeadOps.Application.Leads.Commands;

public sealed record FormRetrievalResult(string FormId, string? FormName, bool Success, string? Error, string? Detail, RetrievalSummary? Summary);
