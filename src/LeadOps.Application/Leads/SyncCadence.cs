namespace LeadOps.Application.Leads;

/// <summary>
/// The lossless schedule's numbers (ADR 0010; <c>Scheduling:*</c>): how often a form is synced, how often the page's
/// forms are counted, how long the webhook gets before a counted lead is fetched, when a page is checked and a form
/// reconciled, and the share of Graph's leadgen budget past which the schedule backs off.
/// </summary>
public sealed record SyncCadence
{
    public static SyncCadence Default { get; } = new();

    /// <summary>Every active form is synced this often.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>…and this often while its page's webhook missed a lead in the last hour or its subscription is missing.</summary>
    public TimeSpan UrgentInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the page's forms are listed with Meta's counts (one Graph call per page).</summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>What a counted lead the webhook has not brought yet is given before a sync fetches it.</summary>
    public TimeSpan WebhookGrace { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How often the page's subscription, lead access and form questions are checked (and the subscription repaired).</summary>
    public TimeSpan PageCheckInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How often each form's count is reconciled with Meta's.</summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Scheduled runs start this long before the form's watermark, to catch late arrivals.</summary>
    public TimeSpan Overlap { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Leadgen usage (percent of the page's budget) past which the schedule spaces its calls out.</summary>
    public double BudgetThresholdPercent { get; init; } = 75;

    /// <summary>At 100 % usage the page's syncs wait this many intervals (scaling linearly from one at the threshold).</summary>
    public double BudgetBackoffFactor { get; init; } = 5;
}
