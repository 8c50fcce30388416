namespace LeadOps.Domain.Integrations;

/// <summary>
/// A connected Facebook page: its (encrypted) page token and what LeadOps last learned about that token, so that a
/// broken integration is obvious instead of silently losing leads.
/// </summary>
public sealed class Integration : IOwnedByUser
{
    /// <summary>What LeadOps needs from a page token, in the order people read them.</summary>
    public static readonly IReadOnlyList<string> RequiredPermissions =
        ["leads_retrieval", "pages_show_list", "pages_read_engagement", "pages_manage_metadata", "pages_messaging"];

    public static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(7);

    public int Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string PageId { get; set; } = string.Empty;

    public string PageName { get; set; } = string.Empty;

    /// <summary>The page token, encrypted with ASP.NET Core Data Protection. Never shown again.</summary>
    public string ProtectedToken { get; set; } = string.Empty;

    public string TokenLast4 { get; set; } = string.Empty;

    public DateTimeOffset? TokenExpiresAt { get; set; }

    /// <summary>Granted scopes as last seen (comma-separated); null when they could not be read.</summary>
    public string? GrantedScopes { get; set; }

    /// <summary>Required permissions the token lacks (comma-separated).</summary>
    public string MissingPermissions { get; set; } = string.Empty;

    public bool? WebhookSubscribed { get; set; }

    public bool NeedsReconnect { get; set; }

    public bool IsDisabled { get; set; }

    public bool IsFromEnvironment { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? LastCheckedAt { get; set; }

    /// <summary>"debug_token" or "probe": how the last test learned what it knows.</summary>
    public string? LastCheckMethod { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastWebhookAt { get; set; }

    public bool WelcomeEnabled { get; set; } = true;

    public string WelcomeSubject { get; set; } = "Thanks for your interest, {first_name}!";

    public string WelcomeBody { get; set; } =
        "Hi {first_name},\n\nThank you for filling in {form_name}. Someone from {page_name} will be in touch shortly.\n\nBest regards,\n{page_name}";

    public List<IntegrationForm> Forms { get; set; } = [];

    /// <summary>Whether Graph can be called for this page at all (a token and the page it belongs to are known).</summary>
    public bool HasUsableToken => !string.IsNullOrEmpty(ProtectedToken) && !string.IsNullOrEmpty(PageId);

    public IReadOnlyList<string> MissingPermissionList =>
        MissingPermissions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The state people must not miss, worst first.</summary>
    public IntegrationState StateAt(DateTimeOffset now)
    {
        if (IsDisabled)
        {
            return new IntegrationState(IntegrationStatus.Disabled, "Disabled");
        }

        if (NeedsReconnect)
        {
            return new IntegrationState(IntegrationStatus.NeedsReconnect, "Needs reconnect");
        }

        if (MissingPermissionList is [var first, ..])
        {
            return new IntegrationState(IntegrationStatus.MissingPermission, $"Missing permission: {string.Join(", ", MissingPermissionList)}", first);
        }

        if (TokenExpiresAt is { } expires && expires - now <= ExpiryWarning)
        {
            return expires <= now
                ? new IntegrationState(IntegrationStatus.NeedsReconnect, "Needs reconnect")
                : new IntegrationState(IntegrationStatus.Expiring, $"Expires on {expires:yyyy-MM-dd}");
        }

        return new IntegrationState(IntegrationStatus.Active, "Active");
    }

    /// <summary>Sets a new token (connect or reconnect); clears the states the old token caused.</summary>
    public void UseToken(string protectedToken, string plainToken)
    {
        ProtectedToken = protectedToken;
        TokenLast4 = plainToken.Length >= 4 ? plainToken[^4..] : plainToken;
        NeedsReconnect = false;
        LastError = null;
        TokenExpiresAt = null;
    }

    /// <summary>Records what a check of the token found.</summary>
    public void RecordCheck(string method, IReadOnlyCollection<string>? grantedScopes, DateTimeOffset? expiresAt, bool? subscribed, DateTimeOffset at)
    {
        LastCheckMethod = method;
        LastCheckedAt = at;
        TokenExpiresAt = expiresAt;
        WebhookSubscribed = subscribed;
        NeedsReconnect = false;
        LastError = null;
        if (grantedScopes is not null)
        {
            GrantedScopes = string.Join(',', grantedScopes);
            MissingPermissions = string.Join(',', RequiredPermissions.Where(p => !grantedScopes.Contains(p)));
        }
    }

    /// <summary>Graph said the token is expired, revoked or invalid (code 190).</summary>
    public void RecordTokenInvalid(string reason)
    {
        NeedsReconnect = true;
        LastError = reason;
    }

    /// <summary>Graph said a permission is missing (codes 10, 200–299).</summary>
    public void RecordPermissionMissing(string permission, string reason)
    {
        var missing = MissingPermissionList.ToList();
        if (!missing.Contains(permission))
        {
            missing.Add(permission);
        }

        MissingPermissions = string.Join(',', missing);
        LastError = reason;
    }
}

public enum IntegrationStatus
{
    Active,
    Expiring,
    MissingPermission,
    NeedsReconnect,
    Disabled,
}

/// <summary>A status and the words people see for it.</summary>
public sealed record IntegrationState(IntegrationStatus Status, string Text, string? Permission = null)
{
    public bool NeedsAttention => NeedsAttentionWhen(Status);

    /// <summary>Anything but active, or switched off by staff, needs someone to act.</summary>
    public static bool NeedsAttentionWhen(IntegrationStatus status) => status is not IntegrationStatus.Active and not IntegrationStatus.Disabled;
}
