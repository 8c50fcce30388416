namespace LeadOps.Infrastructure.Graph;

/// <summary>How long to wait before a call, given how close a budget is to 100 %.</summary>
internal static class GraphPacing
{
    /// <summary>Zero up to the threshold, then growing linearly to <paramref name="maxDelay"/> at 100 % (and beyond).</summary>
    public static TimeSpan DelayFor(double? usagePercent, double thresholdPercent, TimeSpan maxDelay)
    {
        if (usagePercent is not { } percent || percent <= thresholdPercent || maxDelay <= TimeSpan.Zero || thresholdPercent >= 100)
        {
            return TimeSpan.Zero;
        }

        var fraction = Math.Min(1, (percent - thresholdPercent) / (100 - thresholdPercent));
        return TimeSpan.FromMilliseconds(Math.Round(maxDelay.TotalMilliseconds * fraction));
    }
}
