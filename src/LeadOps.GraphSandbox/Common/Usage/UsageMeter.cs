namespace LeadOps.GraphSandbox;

/// <summary>
/// Calls this hour, against <see cref="SandboxOptions.AppCallsPerHourBudget"/> for the app and
/// <see cref="SandboxOptions.PageCallsPerHourBudget"/> per page and use case: what the usage headers report.
/// </summary>
internal sealed class UsageMeter(SandboxOptions options, Lock gate)
{
    private readonly Dictionary<(string PageId, string UseCase), int> _pageCalls = [];
    private long _hour;
    private int _appCalls;

    /// <summary>Counts a call against the app and, when page-scoped, the page's use case; returns the usage in percent.</summary>
    public UsageSnapshot Count(string? pageId, string useCase)
    {
        lock (gate)
        {
            var hour = options.TimeProvider.GetUtcNow().ToUnixTimeSeconds() / 3600;
            if (hour != _hour)
            {
                _hour = hour;
                _appCalls = 0;
                _pageCalls.Clear();
            }

            _appCalls++;
            var appPercent = Percent(_appCalls, options.AppCallsPerHourBudget);
            if (pageId is null)
            {
                return new UsageSnapshot(appPercent, null, useCase, 0);
            }

            var key = (pageId, useCase);
            var calls = _pageCalls.GetValueOrDefault(key) + 1;
            _pageCalls[key] = calls;
            var pageTotal = _pageCalls.Where(c => c.Key.PageId == pageId).Sum(c => c.Value);
            return new UsageSnapshot(
                appPercent, pageId, useCase, Percent(calls, options.PageCallsPerHourBudget), Percent(pageTotal, options.PageCallsPerHourBudget));
        }
    }

    /// <summary>Forgets this hour's calls.</summary>
    public void Reset()
    {
        lock (gate)
        {
            _appCalls = 0;
            _pageCalls.Clear();
        }
    }

    private static int Percent(int calls, int budget) => (int)Math.Min(100, (long)calls * 100 / budget);
}
