namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// <see cref="ISyncBudget"/> from the usage headers this node last saw for the page: the highest percentage of its
/// <c>leadgen</c> business-use-case budget, and how long until access comes back when Graph named a time (less the time
/// since it said so). Readings older than an hour, or from before access came back, say nothing.
/// </summary>
internal sealed class GraphSyncBudget(GraphUsageTracker usage, TimeProvider clock) : ISyncBudget
{
    public LeadgenBudget Of(string pageId)
    {
        var now = clock.GetUtcNow();
        if (usage.GetLastUsage(pageId) is not { } snapshot || !snapshot.IsFreshAt(now))
        {
            return new LeadgenBudget(null, null);
        }

        var leadgen = snapshot.Usage.BusinessUseCases.Where(u => string.Equals(u.Type, "leadgen", StringComparison.OrdinalIgnoreCase)).ToList();
        var regain = leadgen.Select(u => u.EstimatedTimeToRegainAccess).Where(t => t > TimeSpan.Zero).Max() - (now - snapshot.ObservedAt);
        return new LeadgenBudget(leadgen.Select(u => u.MaxPercent).Max(), regain > TimeSpan.Zero ? regain : null);
    }
}
