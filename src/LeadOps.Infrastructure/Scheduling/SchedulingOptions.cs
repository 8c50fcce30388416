using LeadOps.Application.Leads;

namespace LeadOps.Infrastructure.Scheduling;

/// <summary>Section <c>Scheduling</c>: the lossless schedule (ADR 0010). Every form is synced by default; these say how often.</summary>
public sealed class SchedulingOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>How often the scheduler looks for work (due forms, probes, page checks, runs gone quiet).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Scheduled runs start this long before the form's watermark, to catch late arrivals.</summary>
    public TimeSpan Overlap { get; set; } = SyncCadence.Default.Overlap;

    public TimeSpan Interval { get; set; } = SyncCadence.Default.Interval;

    public TimeSpan UrgentInterval { get; set; } = SyncCadence.Default.UrgentInterval;

    public TimeSpan ProbeInterval { get; set; } = SyncCadence.Default.ProbeInterval;

    public TimeSpan WebhookGrace { get; set; } = SyncCadence.Default.WebhookGrace;

    public TimeSpan PageCheckInterval { get; set; } = SyncCadence.Default.PageCheckInterval;

    public TimeSpan ReconcileInterval { get; set; } = SyncCadence.Default.ReconcileInterval;

    public double BudgetThresholdPercent { get; set; } = SyncCadence.Default.BudgetThresholdPercent;

    public double BudgetBackoffFactor { get; set; } = SyncCadence.Default.BudgetBackoffFactor;

    internal SyncCadence Cadence => new()
    {
        Interval = Interval,
        UrgentInterval = UrgentInterval,
        ProbeInterval = ProbeInterval,
        WebhookGrace = WebhookGrace,
        PageCheckInterval = PageCheckInterval,
        ReconcileInterval = ReconcileInterval,
        Overlap = Overlap,
        BudgetThresholdPercent = BudgetThresholdPercent,
        BudgetBackoffFactor = BudgetBackoffFactor,
    };

    internal IEnumerable<string> Problems()
    {
        if (PollInterval <= TimeSpan.Zero || Interval <= TimeSpan.Zero || UrgentInterval <= TimeSpan.Zero || ProbeInterval <= TimeSpan.Zero ||
            PageCheckInterval <= TimeSpan.Zero || ReconcileInterval <= TimeSpan.Zero)
        {
            yield return "Scheduling: PollInterval, Interval, UrgentInterval, ProbeInterval, PageCheckInterval and ReconcileInterval must be positive.";
        }

        if (Overlap < TimeSpan.Zero || WebhookGrace < TimeSpan.Zero)
        {
            yield return "Scheduling: Overlap and WebhookGrace must not be negative.";
        }

        if (BudgetThresholdPercent is <= 0 or >= 100 || BudgetBackoffFactor < 1)
        {
            yield return "Scheduling: BudgetThresholdPercent must be between 0 and 100 and BudgetBackoffFactor at least 1.";
        }
    }
}
