namespace LeadOps.GraphSandbox;

/// <summary>A form created after the seed, as the state file keeps it.</summary>
internal sealed record SavedForm(string Id, string PageId, string Name, string? Status, long CreatedUnix);
