namespace LeadOps.Infrastructure.Graph;

/// <summary>The <c>Facebook:Resilience</c> section: retries, timeouts, the per-page circuit breaker and usage pacing.</summary>
public sealed class GraphResilienceOptions
{
    /// <summary>Total attempts per call, the first one included.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Base of the exponential backoff (with jitter) between attempts.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Time allowed for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for a whole call, retries and waits included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Longest wait LeadOps accepts when Graph says when access comes back (estimated_time_to_regain_access, Retry-After).
    /// A longer wait fails the call at once with <c>RetryAfter</c> set.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Share of failing calls (transient class) that opens a page's circuit.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls a page must make within the sampling window before its circuit can open.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a page's circuit stays open before one trial call is let through.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Usage (percent of a Graph budget) above which calls for a page are spaced out.</summary>
    public double UsageThresholdPercent { get; set; } = 80;

    /// <summary>Delay before a call when usage is at 100 %; scales linearly down to zero at the threshold.</summary>
    public TimeSpan MaxPacingDelay { get; set; } = TimeSpan.FromSeconds(10);
}
