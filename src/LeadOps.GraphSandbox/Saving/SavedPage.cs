namespace LeadOps.GraphSandbox;

/// <summary>What changed on a page as the state file keeps it: its webhook fields, a token expired on demand, its lead access.</summary>
internal sealed record SavedPage(string Id, IReadOnlyList<string> SubscribedFields, DateTimeOffset? TokenExpiredAt, bool HasLeadAccess);
