namespace LeadOps.Domain.Integrations;

/// <summary>A lead form on an integration's page, with its scheduled-sync choice and retrieval watermark.</summary>
public sealed class IntegrationForm : IOwnedByUser
{
    public const int NameLength = 300;
    public const int StatusLength = 20;

    public static readonly IReadOnlyList<int> SyncIntervals = [15, 30, 60, 180, 360, 720, 1440];

    public int Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public int IntegrationId { get; set; }

    public string FormId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Status { get; private set; } = string.Empty;

    public int? LeadsCount { get; private set; }

    public bool SyncEnabled { get; private set; }

    public int SyncIntervalMinutes { get; private set; } = 60;

    /// <summary>Leads created before this instant are fully handled; it only moves past leads that were stored.</summary>
    public DateTimeOffset? Watermark { get; private set; }

    public DateTimeOffset? LastSyncedAt { get; private set; }

    public DateTimeOffset RefreshedAt { get; private set; }

    /// <summary>Staff choose whether the form is synced on a schedule, and how often (one of <see cref="SyncIntervals"/>).</summary>
    public void ScheduleSync(bool enabled, int intervalMinutes)
    {
        SyncEnabled = enabled;
        SyncIntervalMinutes = intervalMinutes;
    }

    /// <summary>
    /// A retrieval walked the form to its end at <paramref name="now"/> and everything created before
    /// <paramref name="handledUpTo"/> is handled. The watermark only moves forward, and only when the walk started at or
    /// before it (a later window says nothing about the leads before it).
    /// </summary>
    public void RecordSync(DateTimeOffset? since, DateTimeOffset handledUpTo, DateTimeOffset now)
    {
        if (since is null || Watermark is null || since <= Watermark)
        {
            Watermark = Watermark is { } w && w > handledUpTo ? w : handledUpTo;
        }

        LastSyncedAt = now;
    }

    internal void Refresh(LeadFormListing listing, DateTimeOffset now)
    {
        Name = listing.Name;
        Status = listing.Status;
        LeadsCount = listing.LeadsCount;
        RefreshedAt = now;
    }
}
