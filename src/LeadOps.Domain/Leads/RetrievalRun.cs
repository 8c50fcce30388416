namespace LeadOps.Domain.Leads;

/// <summary>One retrieval of one form: the sync history staff see.</summary>
public sealed class RetrievalRun : IOwnedByUser
{
    public long Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public int IntegrationId { get; set; }

    public string FormId { get; set; } = string.Empty;

    public string? FormName { get; set; }

    public RetrievalTrigger Trigger { get; set; }

    public DateTimeOffset? Since { get; set; }

    public DateTimeOffset? Until { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public int Retrieved { get; set; }

    public int Created { get; set; }

    public int Existing { get; set; }

    public int Failed { get; set; }

    public RetrievalOutcome Outcome { get; set; } = RetrievalOutcome.Running;

    public string? Error { get; set; }

    /// <summary>The processed leads (status per Facebook lead id) as JSON, capped for very large runs.</summary>
    public string ItemsJson { get; set; } = "[]";

    public TimeSpan? Duration => FinishedAt - StartedAt;
}
