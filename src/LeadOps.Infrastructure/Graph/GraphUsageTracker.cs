using System.Collections.Concurrent;

namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// Remembers the last usage Graph reported per page (and app-wide), and turns it into a delay before the next call
/// for that page once usage passes <see cref="GraphResilienceOptions.UsageThresholdPercent"/>.
/// </summary>
public sealed class GraphUsageTracker(TimeProvider timeProvider, IOptionsMonitor<FacebookOptions> options)
{
    private readonly ConcurrentDictionary<string, GraphUsageSnapshot> _byPage = new(StringComparer.Ordinal);
    private volatile GraphUsageSnapshot? _app;

    /// <summary>The latest X-App-Usage reading (app-wide, whatever page the call was for).</summary>
    public GraphUsageSnapshot? LastAppUsage => _app;

    /// <summary>The latest usage seen on a call for <paramref name="pageId"/>, or null.</summary>
    public GraphUsageSnapshot? GetLastUsage(string pageId) => _byPage.TryGetValue(pageId, out var snapshot) ? snapshot : null;

    internal void Record(string pageKey, GraphUsage usage)
    {
        if (usage.IsEmpty)
        {
            return;
        }

        var snapshot = new GraphUsageSnapshot(usage, timeProvider.GetUtcNow());
        _byPage[pageKey] = snapshot;
        if (usage.App is not null)
        {
            _app = snapshot;
        }
    }

    /// <summary>Highest fresh usage percentage that applies to calls for this page (its own headers or the app's).</summary>
    internal double? CurrentPercent(string pageKey)
    {
        var now = timeProvider.GetUtcNow();
        double? app = _app is { } a && now - a.ObservedAt < GraphUsageSnapshot.FreshFor ? a.Usage.App?.MaxPercent : null;
        double? page = null;
        if (_byPage.TryGetValue(pageKey, out var p) && p.IsFreshAt(now))
        {
            page = new[] { p.Usage.Page?.MaxPercent }.Concat(p.Usage.BusinessUseCases.Select(u => u.MaxPercent)).Max();
        }

        return new[] { app, page }.Max();
    }

    /// <summary>The wait before the next call for this page, and the usage it was worked out from.</summary>
    internal (TimeSpan Delay, double? Percent) GetPacing(string pageKey)
    {
        var resilience = options.CurrentValue.Resilience;
        var percent = CurrentPercent(pageKey);
        return (GraphPacing.DelayFor(percent, resilience.UsageThresholdPercent, resilience.MaxPacingDelay), percent);
    }
}
