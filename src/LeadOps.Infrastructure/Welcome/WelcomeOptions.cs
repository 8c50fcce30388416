using LeadOps.Application.Leads.Welcome;

namespace LeadOps.Infrastructure.Welcome;

/// <summary>Section <c>Welcome</c>: the outbox worker that sends welcome messages.</summary>
public sealed class WelcomeOptions
{
    public const string SectionName = "Welcome";

    /// <summary>Run the worker on this node. Any number of nodes may run it: a row is claimed by one at a time.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Attempts before a message is Failed (staff can retry it from the lead's page).</summary>
    public int MaxAttempts { get; set; } = WelcomeRetryPolicy.Default.MaxAttempts;

    /// <summary>Wait after the first failed attempt; each further wait doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = WelcomeRetryPolicy.Default.FirstDelay;

    public TimeSpan MaxRetryDelay { get; set; } = WelcomeRetryPolicy.Default.MaxDelay;

    /// <summary>How long a claim holds. It must outlast a send (see <c>Smtp:TimeoutSeconds</c>): another worker may take the row after it.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the worker looks for due messages when nothing wakes it sooner.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Due messages looked at per pass.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>/status reports Degraded when the oldest pending message is older than this.</summary>
    public TimeSpan BacklogWarningAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A lead older than this when LeadOps first finds it gets no welcome (it is stored with its welcome Skipped and the reason).</summary>
    public TimeSpan MaxLeadAge { get; set; } = WelcomeAgeLimit.Default.MaxLeadAge;

    internal WelcomeRetryPolicy RetryPolicy => new(MaxAttempts, FirstRetryDelay, MaxRetryDelay);

    internal IEnumerable<string> Problems()
    {
        if (MaxAttempts < 1)
        {
            yield return "Welcome:MaxAttempts must be at least 1.";
        }

        if (FirstRetryDelay <= TimeSpan.Zero || MaxRetryDelay < FirstRetryDelay)
        {
            yield return "Welcome:FirstRetryDelay must be positive and Welcome:MaxRetryDelay at least as long.";
        }

        if (ClaimLease < TimeSpan.FromSeconds(30))
        {
            yield return "Welcome:ClaimLease must be at least 30 seconds.";
        }

        if (MaxLeadAge <= TimeSpan.Zero)
        {
            yield return "Welcome:MaxLeadAge must be positive.";
        }

        if (PollInterval <= TimeSpan.Zero || BatchSize < 1)
        {
            yield return "Welcome:PollInterval must be positive and Welcome:BatchSize at least 1.";
        }
    }
}
