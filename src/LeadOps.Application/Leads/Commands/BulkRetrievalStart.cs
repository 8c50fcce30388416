namespace LeadOps.Application.Leads.Commands;

/// <summary>What <see cref="StartBulkRetrieval"/> did with each form of the page: queued its run, or refused it and why.</summary>
public sealed record BulkRetrievalStart(IReadOnlyList<BulkRetrievalStart.Form> Forms)
{
    public IReadOnlyList<Form> Queued => [.. Forms.Where(f => f.RunId is not null)];

    public IReadOnlyList<Form> Refused => [.. Forms.Where(f => f.RunId is null)];

    /// <summary>One form: <see cref="RunId"/> is its queued run, or null with <see cref="Refusal"/> saying why none was started.</summary>
    public sealed record Form(string FormId, string? FormName, long? RunId, string? Refusal);
}
