using LeadOps.Application.Leads;

namespace LeadOps.Infrastructure.Scheduling;

/// <summary>
/// Section <c>Scheduling</c>: the lossless schedule (ADR 0010). Every form is synced by default; how often is the
/// schedule's <see cref="SyncCadence"/>, read from the same section (<c>Scheduling:Interval</c>, <c>UrgentInterval</c>,
/// <c>ProbeInterval</c>, <c>WebhookGrace</c>, <c>PageCheckInterval</c>, <c>ReconcileInterval</c>, <c>Overlap</c>,
/// <c>BudgetThresholdPercent</c>, <c>BudgetBackoffFactor</c>).
/// </summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    public bool Enabled { get; set; } = true;

    /// <summary>How often the scheduler looks for work (due forms, probes, page checks, runs gone quiet).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The schedule's numbers, bound from this section beside it (<see cref="SchedulingServiceCollectionExtensions"/>).</summary>
    internal SyncCadence Cadence { get; set; } = SyncCadence.Default;

    internal IEnumerable<string> Problems()
    {
        var c = Cadence;
        if (PollInterval <= TimeSpan.Zero || c.Interval <= TimeSpan.Zero || c.UrgentInterval <= TimeSpan.Zero || c.ProbeInterval <= TimeSpan.Zero ||
            c.PageCheckInterval <= TimeSpan.Zero || c.ReconcileInterval <= TimeSpan.Zero)
        {
            yield return "Scheduling: PollInterval, Interval, UrgentInterval, ProbeInterval, PageCheckInterval and ReconcileInterval must be positive.";
        }

        if (c.Overlap < TimeSpan.Zero || c.WebhookGrace < TimeSpan.Zero)
        {
            yield return "Scheduling: Overlap and WebhookGrace must not be negative.";
        }

        if (c.BudgetThresholdPercent is <= 0 or >= 100 || c.BudgetBackoffFactor < 1)
        {
            yield return "Scheduling: BudgetThresholdPercent must be between 0 and 100 and BudgetBackoffFactor at least 1.";
        }
    }
}
