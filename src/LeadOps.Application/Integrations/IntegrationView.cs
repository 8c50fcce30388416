namespace LeadOps.Application.Integrations;

/// <summary>What staff and the API see of an integration. Never the token: only its last 4 characters.</summary>
public sealed record IntegrationView(
    int Id,
    string Name,
    string PageId,
    string PageName,
    IntegrationStatus Status,
    string StatusText,
    string TokenLast4,
    DateTimeOffset? TokenExpiresAt,
    IReadOnlyList<string> MissingPermissions,
    bool? WebhookSubscribed,
    string? LastError,
    DateTimeOffset? LastCheckedAt,
    string? LastCheckMethod,
    bool IsDisabled,
    bool IsFromEnvironment,
    bool WelcomeEnabled,
    string WelcomeSubject,
    string WelcomeBody,
    DateTimeOffset? LastWebhookAt,
    IReadOnlyList<IntegrationFormView> Forms)
{
    /// <summary>The page's leadgen webhook subscription as last checked, since when it holds, and what the check did.</summary>
    public bool? LeadgenSubscribed { get; init; }

    public DateTimeOffset? SubscriptionConfirmedAt { get; init; }

    public DateTimeOffset? SubscriptionCheckedAt { get; init; }

    public string? SubscriptionNote { get; init; }

    /// <summary>Whether this app may read the page's leads (Leads Access Manager), and the fix when not.</summary>
    public bool? HasLeadAccess { get; init; }

    public string? LeadAccessNote { get; init; }

    /// <summary>The last lead the webhook missed (retrieval found it), and a pause of the schedule for Graph's budget.</summary>
    public DateTimeOffset? LastMissAt { get; init; }

    public DateTimeOffset? SyncPausedUntil { get; init; }

    public string? SyncPauseReason { get; init; }

    /// <summary>Graph would not list the page's lead forms (<see cref="Integration.FormsNotListed"/>): having none says nothing about the page.</summary>
    public bool FormsNotListed { get; init; }

    /// <summary>Shown in the integration alerts: anything but active or switched off by staff.</summary>
    public bool NeedsAttention => IntegrationState.NeedsAttentionWhen(Status);

    public static IntegrationView From(Integration i, DateTimeOffset now)
    {
        var state = i.StateAt(now);
        return new IntegrationView(
            i.Id, i.Name, i.PageId, i.PageName, state.Status, state.Text, i.TokenLast4, i.TokenExpiresAt, i.MissingPermissionList,
            i.WebhookSubscribed, i.LastError, i.LastCheckedAt, i.LastCheckMethod, i.IsDisabled, i.IsFromEnvironment,
            i.WelcomeEnabled, i.WelcomeSubject, i.WelcomeBody, i.LastWebhookAt,
            [.. i.Forms.OrderBy(f => f.IsActive ? 0 : 1).ThenBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Select(IntegrationFormView.From)])
        {
            LeadgenSubscribed = i.LeadgenSubscribed,
            SubscriptionConfirmedAt = i.SubscriptionConfirmedAt,
            SubscriptionCheckedAt = i.SubscriptionCheckedAt,
            SubscriptionNote = i.SubscriptionNote,
            HasLeadAccess = i.HasLeadAccess,
            LeadAccessNote = i.LeadAccessNote,
            LastMissAt = i.LastMissAt,
            FormsNotListed = i.FormsNotListed,
            SyncPausedUntil = i.SyncPausedUntil is { } paused && paused > now ? paused : null,
            SyncPauseReason = i.SyncPausedUntil is { } until && until > now ? i.SyncPauseReason : null,
        };
    }
}
