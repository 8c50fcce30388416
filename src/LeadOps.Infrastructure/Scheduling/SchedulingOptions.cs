namespace LeadOps.Infrastructure.Scheduling;

/// <summary>Section <c>Scheduling</c>.</summary>
public sealed class SchedulingOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>How often the scheduler looks for forms whose sync is due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Scheduled runs start this long before the form's watermark, to catch late arrivals.</summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(10);
}
