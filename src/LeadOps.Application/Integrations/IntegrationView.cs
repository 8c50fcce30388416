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
    /// <summary>Shown in the integration alerts: anything but active or switched off by staff.</summary>
    public bool NeedsAttention => IntegrationState.NeedsAttentionWhen(Status);

    public static IntegrationView From(Integration i, DateTimeOffset now)
    {
        var state = i.StateAt(now);
        return new IntegrationView(
            i.Id, i.Name, i.PageId, i.PageName, state.Status, state.Text, i.TokenLast4, i.TokenExpiresAt, i.MissingPermissionList,
            i.WebhookSubscribed, i.LastError, i.LastCheckedAt, i.LastCheckMethod, i.IsDisabled, i.IsFromEnvironment,
            i.WelcomeEnabled, i.WelcomeSubject, i.WelcomeBody, i.LastWebhookAt,
            [.. i.Forms.OrderBy(f => f.Status == "ACTIVE" ? 0 : 1).ThenBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
                .Select(f => new IntegrationFormView(f.FormId, f.Name, f.Status, f.LeadsCount, f.SyncEnabled, f.SyncIntervalMinutes, f.Watermark, f.LastSyncedAt))]);
    }
}
