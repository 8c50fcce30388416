namespace LeadOps.GraphSandbox;

/// <summary>A form created after the seed, as the state file keeps it (<paramref name="Kind"/>: its questions' template).</summary>
internal sealed record SavedForm(string Id, string PageId, string Name, string? Status, long CreatedUnix, string? Kind = null);
