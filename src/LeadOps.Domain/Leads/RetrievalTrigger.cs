namespace LeadOps.Domain.Leads;

public enum RetrievalTrigger
{
    Manual,
    Scheduled,
}
