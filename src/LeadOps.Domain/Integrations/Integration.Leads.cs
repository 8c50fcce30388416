namespace LeadOps.Domain.Integrations;

/// <summary>
/// What keeps leads arriving when the webhook does not (ADR 0010): the page's leadgen subscription as last checked
/// (and when it was confirmed), whether the app may read the page's leads, the last lead the webhook missed, and a
/// pause of the schedule while Graph's budget runs low.
/// </summary>
public sealed partial class Integration
{
    /// <summary>How long after a lead the webhook missed the page's forms are synced every minute.</summary>
    public static readonly TimeSpan MissWindow = TimeSpan.FromHours(1);

    /// <summary>Whether the app is subscribed to the page's leadgen webhook, as last checked; null until checked.</summary>
    public bool? LeadgenSubscribed { get; private set; }

    /// <summary>Since when the leadgen subscription is known to hold: only leads created after it can have been missed.</summary>
    public DateTimeOffset? SubscriptionConfirmedAt { get; private set; }

    public DateTimeOffset? SubscriptionCheckedAt { get; private set; }

    /// <summary>What the last check did about the subscription, in plain words (re-subscribed, or why it could not).</summary>
    public string? SubscriptionNote { get; private set; }

    /// <summary>Whether Graph's <c>has_lead_access</c> lets this app read the page's leads; null when unknown.</summary>
    public bool? HasLeadAccess { get; private set; }

    /// <summary>Why not, and how to fix it (Leads Access Manager).</summary>
    public string? LeadAccessNote { get; private set; }

    /// <summary>When retrieval last stored a lead created after the subscription was confirmed: one the webhook missed.</summary>
    public DateTimeOffset? LastMissAt { get; private set; }

    /// <summary>The schedule leaves the page alone until then (Graph's leadgen budget is nearly used up), and why.</summary>
    public DateTimeOffset? SyncPausedUntil { get; private set; }

    public string? SyncPauseReason { get; private set; }

    /// <summary>When the page's forms were last listed with their counts (the minute's probe), and last fully checked (hourly).</summary>
    public DateTimeOffset? FormsProbedAt { get; private set; }

    public DateTimeOffset? PageCheckedAt { get; private set; }

    /// <summary>Whether the page's forms need the fast cadence: the subscription is missing, or the webhook missed a lead in the last hour.</summary>
    public bool WebhookNeedsCoverAt(DateTimeOffset now) => NeedsCover(LeadgenSubscribed, LastMissAt, now);

    /// <summary>The rule of <see cref="WebhookNeedsCoverAt"/> from the two values it reads (for the schedule's projections).</summary>
    public static bool NeedsCover(bool? leadgenSubscribed, DateTimeOffset? lastMissAt, DateTimeOffset now) =>
        leadgenSubscribed == false || (lastMissAt is { } miss && now - miss < MissWindow);

    /// <summary>What a check of <c>subscribed_apps</c> found (and did): the confirmation time starts when leadgen is first found subscribed.</summary>
    public void RecordLeadgenSubscription(bool subscribed, DateTimeOffset now, string? note)
    {
        LeadgenSubscribed = subscribed;
        SubscriptionCheckedAt = now;
        SubscriptionNote = note is null ? null : TextLimit.Cut(note);
        // Whole seconds, as Graph's created times are: a lead created in the second the check ran is after it.
        SubscriptionConfirmedAt = subscribed ? SubscriptionConfirmedAt ?? DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()) : null;
    }

    /// <summary>What <c>has_lead_access</c> said; <paramref name="note"/> explains a refusal and its fix.</summary>
    public void RecordLeadAccess(bool? hasAccess, string? note)
    {
        HasLeadAccess = hasAccess;
        LeadAccessNote = note is null ? null : TextLimit.Cut(note);
    }

    /// <summary>Retrieval stored a lead created at <paramref name="createdAt"/>; it was missed when the subscription already held then.</summary>
    public void RecordFoundByRetrieval(DateTimeOffset createdAt, DateTimeOffset now)
    {
        if (SubscriptionConfirmedAt is { } confirmed && createdAt >= confirmed)
        {
            LastMissAt = now;
        }
    }

    /// <summary>The schedule pauses for the page until <paramref name="until"/>; a later pause wins.</summary>
    public void PauseSync(DateTimeOffset until, string reason)
    {
        if (SyncPausedUntil is null || until > SyncPausedUntil)
        {
            SyncPausedUntil = until;
            SyncPauseReason = TextLimit.Cut(reason);
        }
    }

    public bool SyncPausedAt(DateTimeOffset now) => SyncPausedUntil is { } until && now < until;

    public void RecordFormsProbed(DateTimeOffset now) => FormsProbedAt = now;

    public void RecordPageChecked(DateTimeOffset now) => PageCheckedAt = now;
}
