namespace LeadOps.Domain.Leads;

public enum RetrievalOutcome
{
    Running,
    Succeeded,
    CompletedWithFailures,
    Failed,
}
