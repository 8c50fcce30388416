namespace LeadOps.Infrastructure.Graph;

/// <summary>Usage Graph reported on its latest answer for a page, and when.</summary>
public sealed record GraphUsageSnapshot(GraphUsage Usage, DateTimeOffset ObservedAt);
