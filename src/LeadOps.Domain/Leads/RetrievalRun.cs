namespace LeadOps.Domain.Leads;

/// <summary>One retrieval of one form: the sync history staff see. It starts, counts each Graph page, and finishes.</summary>
public sealed class RetrievalRun : IOwnedByUser
{
    public long Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public int IntegrationId { get; private set; }

    public string FormId { get; private set; } = string.Empty;

    public string? FormName { get; private set; }

    public RetrievalTrigger Trigger { get; private set; }

    public DateTimeOffset? Since { get; private set; }

    public DateTimeOffset? Until { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public int Retrieved { get; private set; }

    public int Created { get; private set; }

    public int Existing { get; private set; }

    public int Failed { get; private set; }

    public RetrievalOutcome Outcome { get; private set; } = RetrievalOutcome.Running;

    public string? Error { get; private set; }

    /// <summary>The processed leads (status per Facebook lead id) as JSON, capped for very large runs.</summary>
    public string ItemsJson { get; private set; } = "[]";

    public TimeSpan? Duration => FinishedAt - StartedAt;

    public static RetrievalRun Start(int integrationId, string formId, DateTimeOffset at) =>
        new() { IntegrationId = integrationId, FormId = formId, StartedAt = at };

    /// <summary>What the run retrieves: the form (by its current name), why, and the created-time window if any.</summary>
    public void Describe(string? formName, RetrievalTrigger trigger, DateTimeOffset? since, DateTimeOffset? until)
    {
        FormName = formName;
        Trigger = trigger;
        Since = since;
        Until = until;
    }

    /// <summary>One Graph page handled: leads read, stored for the first time, found already stored, and failed.</summary>
    public void CountPage(int retrieved, int created, int existing, int failed)
    {
        Retrieved += retrieved;
        Created += created;
        Existing += existing;
        Failed += failed;
    }

    /// <summary>
    /// The run ended: failed when Graph stopped it (<paramref name="error"/>), else succeeded, with failures when some
    /// leads could not be stored. <paramref name="itemsJson"/> holds the processed leads kept for the results page.
    /// </summary>
    public void Finish(DateTimeOffset at, string? error, string itemsJson)
    {
        FinishedAt = at;
        Error = error;
        Outcome = error is not null ? RetrievalOutcome.Failed : Failed > 0 ? RetrievalOutcome.CompletedWithFailures : RetrievalOutcome.Succeeded;
        ItemsJson = itemsJson;
    }
}
