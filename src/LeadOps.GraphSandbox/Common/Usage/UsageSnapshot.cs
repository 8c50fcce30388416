namespace LeadOps.GraphSandbox;

/// <summary>Usage after a call: the app's, the page's for the call's use case, and the page's over every use case.</summary>
internal sealed record UsageSnapshot(int AppPercent, string? PageId, string UseCase, int PagePercent, int PageTotalPercent = 0);
