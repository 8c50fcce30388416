namespace LeadOps.Domain.Leads;

public enum RetrievalOutcome
{
    Running,
    Succeeded,
    CompletedWithFailures,
    Failed,

    /// <summary>The process running it stopped (its heartbeat went quiet): nothing after its last page was done.</summary>
    Interrupted,
}
