namespace LeadOps.Application.Leads;

/// <summary>
/// What the schedule knows of one form (and its integration) when it decides whether the form is due (ADR 0010): a form
/// never synced, one whose reconciliation asked for a full walk, and one whose count grew past what LeadOps holds
/// (once the webhook had its grace) are due at once; otherwise every <see cref="SyncCadence.Interval"/>, or every
/// <see cref="SyncCadence.UrgentInterval"/> while the page's webhook needs cover; never while its page is paused.
/// </summary>
public sealed record FormSchedule(
    string OwnerId,
    int IntegrationId,
    string FormId,
    DateTimeOffset? Watermark,
    DateTimeOffset? LastSyncedAt,
    DateTimeOffset? SyncRequestedAt,
    DateTimeOffset? FullWalkRequestedAt,
    bool? LeadgenSubscribed,
    DateTimeOffset? LastMissAt,
    DateTimeOffset? SyncPausedUntil)
{
    public bool IsDueAt(DateTimeOffset now, SyncCadence cadence)
    {
        if (SyncPausedUntil is { } paused && now < paused)
        {
            return false;
        }

        if (LastSyncedAt is not { } synced || FullWalkRequestedAt is not null)
        {
            return true;
        }

        if (SyncRequestedAt is { } asked && synced < asked && now - asked >= cadence.WebhookGrace)
        {
            return true;
        }

        var urgent = Integration.NeedsCover(LeadgenSubscribed, LastMissAt, now);
        return now - synced >= (urgent ? cadence.UrgentInterval : cadence.Interval);
    }

    /// <summary>Where the walk starts: the whole form when asked or never walked, else the watermark minus the overlap.</summary>
    public DateTimeOffset? SinceFor(SyncCadence cadence) =>
        FullWalkRequestedAt is not null || Watermark is not { } watermark ? null
        : watermark > DateTimeOffset.MinValue + cadence.Overlap ? watermark - cadence.Overlap
        : null;
}
