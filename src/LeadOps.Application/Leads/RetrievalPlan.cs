namespace LeadOps.Application.Leads;

/// <summary>
/// What one retrieval of a form is asked for: the created-time window, why it runs, the run it continues (started by
/// the Leads page), and whether the new leads it finds may be welcomed.
/// </summary>
public sealed record RetrievalPlan(
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null,
    RetrievalTrigger Trigger = RetrievalTrigger.Manual,
    long? RunId = null,
    bool SendWelcome = true);
