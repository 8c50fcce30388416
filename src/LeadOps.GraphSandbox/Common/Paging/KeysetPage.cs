namespace LeadOps.GraphSandbox;

/// <summary>One page of an edge, newest first.</summary>
internal sealed record KeysetPage<T>(IReadOnlyList<T> Items, PageKey? First, PageKey? Last, bool HasNext, bool HasPrevious);
