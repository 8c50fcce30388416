namespace LeadOps.Application.Leads.Commands;

public sealed record BulkRetrievalSummary(IReadOnlyList<FormRetrievalResult> Forms)
{
    public int NewLeads => Forms.Sum(f => f.Summary?.NewLeads ?? 0);

    public int ExistingLeads => Forms.Sum(f => f.Summary?.ExistingLeads ?? 0);

    public int FailedLeads => Forms.Sum(f => f.Summary?.FailedLeads ?? 0);

    public int TotalProcessed => Forms.Sum(f => f.Summary?.TotalProcessed ?? 0);

    public int FailedForms => Forms.Count(f => !f.Success);
}
