namespace LeadOps.Application.Leads.Queries;

/// <summary>Keyset page: newest first; <see cref="NextCursor"/> continues after the last row.</summary>
public sealed record LeadPage(IReadOnlyList<LeadListItem> Items, string? NextCursor);
