namespace LeadOps.GraphSandbox;

/// <summary>
/// One page of an edge, newest first. <paramref name="Back"/>: the cursor the page before it was asked with, when that
/// page was asked with one (a <see cref="FaultKind.PagingCycle"/> names it as the next page).
/// </summary>
internal sealed record KeysetPage<T>(IReadOnlyList<T> Items, PageKey? First, PageKey? Last, bool HasNext, bool HasPrevious, PageKey? Back = null);
