namespace LeadOps.GraphSandbox;

/// <summary>
/// A lead added after the seed, as the state file keeps it: its id's sequence, form, created time, what was chosen for
/// it, and whether it is a test lead (deleted or not).
/// </summary>
internal sealed record SavedLead(long Sequence, string FormId, long CreatedUnix, SandboxLead? Content, bool TestLead, bool Deleted)
{
    /// <summary>What the lead's submitter chose, as the store holds it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public SandboxLead? StoredContent => Content is null ? null : Content with { IsTestLead = TestLead };
}
