namespace LeadOps.Application.Leads;

/// <summary>
/// Keeps the schedule within Graph's budget: past <see cref="SyncCadence.BudgetThresholdPercent"/> of the page's
/// leadgen usage, the page's syncs wait longer (up to <see cref="SyncCadence.BudgetBackoffFactor"/> intervals at
/// 100 %), and when Graph names a time to regain access, nothing is asked before it.
/// </summary>
internal sealed class SyncBackoff(ISyncBudget budget, SyncCadence cadence)
{
    /// <summary>Pauses the integration's schedule when its page's budget says so, or when Graph throttled a call (<paramref name="failure"/>).</summary>
    public void Apply(Integration integration, DateTimeOffset now, GraphFailure? failure = null)
    {
        if (failure is { Kind: GraphFailureKind.RateLimited } throttled)
        {
            var until = throttled.RetryAfter is { } after && after > now ? after : now + cadence.Interval;
            integration.PauseSync(until, $"Facebook is rate limiting this page's leadgen calls: the schedule waits until {until:yyyy-MM-dd HH:mm} UTC.");
        }

        var (used, regain) = budget.Of(integration.PageId);
        if (regain is { } wait && wait > TimeSpan.Zero)
        {
            integration.PauseSync(now + wait, $"Facebook says leadgen access comes back in {WelcomeSkipReasons.Describe(wait)}: the schedule waits until then.");
        }
        else if (used is { } percent && percent > cadence.BudgetThresholdPercent && cadence.BudgetThresholdPercent < 100)
        {
            var over = Math.Min(1, (percent - cadence.BudgetThresholdPercent) / (100 - cadence.BudgetThresholdPercent));
            var factor = 1 + ((cadence.BudgetBackoffFactor - 1) * over);
            var until = now + (cadence.Interval * factor);
            integration.PauseSync(until, $"{percent:0} % of the page's leadgen budget is used: the schedule slows down until {until:HH:mm} UTC.");
        }
    }
}
