using LeadOps.Application.Leads.Welcome;

namespace LeadOps.Infrastructure.Welcome;

/// <summary>
/// Section <c>Welcome</c>: the outbox worker that sends welcome messages. A failed message waits for staff, who can
/// retry it from the lead's page; the claim must outlast a send (see <c>Smtp:TimeoutSeconds</c>).
/// </summary>
public sealed class WelcomeOptions() : OutboxOptions(SectionName, WelcomeRetryPolicy.Default.MaxAttempts, WelcomeRetryPolicy.Default.FirstDelay, WelcomeRetryPolicy.Default.MaxDelay)
{
    public const string SectionName = "Welcome";

    /// <summary>/status reports Degraded when the oldest pending message is older than this.</summary>
    public TimeSpan BacklogWarningAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A lead older than this when LeadOps first finds it gets no welcome (it is stored with its welcome Skipped and the reason).</summary>
    public TimeSpan MaxLeadAge { get; set; } = WelcomeAgeLimit.Default.MaxLeadAge;

    internal WelcomeRetryPolicy RetryPolicy => new(MaxAttempts, FirstRetryDelay, MaxRetryDelay);

    internal override IEnumerable<string> Problems() =>
        MaxLeadAge > TimeSpan.Zero ? base.Problems() : base.Problems().Append("Welcome:MaxLeadAge must be positive.");
}
