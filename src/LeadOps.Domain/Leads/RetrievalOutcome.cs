namespace LeadOps.Domain.Leads;

public enum RetrievalOutcome
{
    Running,
    Succeeded,
    CompletedWithFailures,
    Failed,

    /// <summary>The process running it stopped (its heartbeat went quiet): nothing after its last page was done.</summary>
    Interrupted,

    /// <summary>
    /// The schedule found the form with another run under way and did not retrieve it (not a failure: that run reads the
    /// form, and the next sync tries again).
    /// </summary>
    Skipped,
}
