using LeadOps.Application.Leads.Conversions;

namespace LeadOps.Infrastructure.Conversions;

/// <summary>Section <c>Conversions</c>: the outbox worker that sends stage entries to Meta's Conversions API for CRM.</summary>
public sealed class ConversionsOptions
{
    public const string SectionName = "Conversions";

    /// <summary>Run the worker on this node. Any number of nodes may run it: an event is claimed by one at a time.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Attempts (each with the Graph client's own retries) before an event that meets outages is Failed.</summary>
    public int MaxAttempts { get; set; } = ConversionsRetryPolicy.Default.MaxAttempts;

    /// <summary>Wait after the first failed attempt; each further wait doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = ConversionsRetryPolicy.Default.FirstDelay;

    public TimeSpan MaxRetryDelay { get; set; } = ConversionsRetryPolicy.Default.MaxDelay;

    /// <summary>How long a claim holds; it must outlast a send (<c>Facebook:Resilience:TotalTimeout</c>).</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    public int BatchSize { get; set; } = 50;

    internal ConversionsRetryPolicy RetryPolicy => new(MaxAttempts, FirstRetryDelay, MaxRetryDelay);

    internal bool IsValid =>
        MaxAttempts >= 1 && FirstRetryDelay > TimeSpan.Zero && MaxRetryDelay >= FirstRetryDelay
        && ClaimLease >= TimeSpan.FromSeconds(30) && PollInterval > TimeSpan.Zero && BatchSize >= 1;
}
