namespace LeadOps.Application.Leads;

public sealed record ProcessedLead(string FacebookLeadId, ProcessedLeadStatus Status, long? LeadId, string? Name, string? Error = null);
