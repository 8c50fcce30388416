namespace LeadOps.Application.Leads;

public enum ProcessedLeadStatus
{
    Created,
    Existing,
    Failed,
}
