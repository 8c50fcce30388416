namespace LeadOps.Application.Leads;

/// <summary>What one retrieval did: the brief's summary plus each processed lead.</summary>
public sealed record RetrievalSummary(
    long RunId,
    int TotalProcessed,
    int NewLeads,
    int ExistingLeads,
    int FailedLeads,
    IReadOnlyList<ProcessedLead> ProcessedLeads,
    GraphFailure? Failure)
{
    /// <summary>What the run wants staff to know although it did not fail (see <see cref="RetrievalRun.Warning"/>).</summary>
    public string? Warning { get; init; }

    /// <summary>The run of the form that was still under way, when this retrieval did not start because of it (nothing was read).</summary>
    public long? UnderWayRunId { get; init; }

    /// <summary>A retrieval that did not start: run <paramref name="underWayRunId"/> of the form is still under way.</summary>
    public static RetrievalSummary NotStarted(long underWayRunId) => new(0, 0, 0, 0, 0, [], null) { UnderWayRunId = underWayRunId };

    /// <summary>The brief's sentence: "Retrieved 5 new leads and found 2 existing leads" (and failures when there are any).</summary>
    public string Message => Sentence(NewLeads, ExistingLeads, FailedLeads);

    /// <summary>The brief's sentence for any retrieval's counts (a stored run's too).</summary>
    public static string Sentence(int newLeads, int existingLeads, int failedLeads)
    {
        var text = $"Retrieved {newLeads} new {Plural(newLeads, "lead")} and found {existingLeads} existing {Plural(existingLeads, "lead")}";
        return failedLeads > 0 ? $"{text}; {failedLeads} failed" : text;
    }

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";
}
