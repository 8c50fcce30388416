namespace LeadOps.Infrastructure.Common;

/// <summary>
/// The settings every outbox worker has (<see cref="OutboxWorker{TItem}"/>), each under its own section; the
/// retry defaults are the outbox's own policy.
/// </summary>
public abstract class OutboxOptions(string section, int maxAttempts, TimeSpan firstRetryDelay, TimeSpan maxRetryDelay)
{
    /// <summary>Run the worker on this node. Any number of nodes may run it: a row is claimed by one at a time.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Attempts before a row is Failed.</summary>
    public int MaxAttempts { get; set; } = maxAttempts;

    /// <summary>Wait after the first failed attempt; each further wait doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = firstRetryDelay;

    public TimeSpan MaxRetryDelay { get; set; } = maxRetryDelay;

    /// <summary>How long a claim holds. It must outlast the work: another worker may take the row after it.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the worker looks for due rows when nothing wakes it sooner.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Due rows looked at per pass.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>The configuration section, as settings are named in messages.</summary>
    internal string Section => section;

    internal virtual IEnumerable<string> Problems()
    {
        if (MaxAttempts < 1)
        {
            yield return $"{section}:MaxAttempts must be at least 1.";
        }

        if (FirstRetryDelay <= TimeSpan.Zero || MaxRetryDelay < FirstRetryDelay)
        {
            yield return $"{section}:FirstRetryDelay must be positive and {section}:MaxRetryDelay at least as long.";
        }

        if (ClaimLease < TimeSpan.FromSeconds(30))
        {
            yield return $"{section}:ClaimLease must be at least 30 seconds.";
        }

        if (PollInterval <= TimeSpan.Zero || BatchSize < 1)
        {
            yield return $"{section}:PollInterval must be positive and {section}:BatchSize at least 1.";
        }
    }
}
