namespace LeadOps.Domain.Integrations;

/// <summary>A lead form on an integration's page, with its scheduled-sync choice and retrieval watermark.</summary>
public sealed class IntegrationForm : IOwnedByUser
{
    public static readonly IReadOnlyList<int> SyncIntervals = [15, 30, 60, 180, 360, 720, 1440];

    public int Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public int IntegrationId { get; set; }

    public string FormId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public int? LeadsCount { get; set; }

    public bool SyncEnabled { get; set; }

    public int SyncIntervalMinutes { get; set; } = 60;

    /// <summary>Leads created before this instant are fully handled; it only moves past leads that were stored.</summary>
    public DateTimeOffset? Watermark { get; set; }

    public DateTimeOffset? LastSyncedAt { get; set; }

    public DateTimeOffset RefreshedAt { get; set; }
}
