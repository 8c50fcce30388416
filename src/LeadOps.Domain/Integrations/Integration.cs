namespace LeadOps.Domain.Integrations;

/// <summary>
/// A connected Facebook page: its (encrypted) page token and what LeadOps last learned about that token, so that a
/// broken integration is obvious instead of silently losing leads. What a check or a failed Graph call found is
/// recorded only through its methods.
/// </summary>
public sealed partial class Integration : IOwnedByUser
{
    public const int NameLength = 100;
    public const int PageNameLength = 200;
    public const int ProtectedTokenLength = 8000;
    public const int GrantedScopesLength = 2000;
    public const int MissingPermissionsLength = 500;
    public const int FormsListingMissingPermissionsLength = MissingPermissionsLength;
    public const int CheckMethodLength = 20;
    public const int WelcomeSubjectLength = 200;
    public const int WelcomeBodyLength = 10_000;

    /// <summary>What LeadOps needs from a page token, in the order people read them.</summary>
    public static readonly IReadOnlyList<string> RequiredPermissions =
        ["leads_retrieval", "pages_show_list", "pages_read_engagement", "pages_manage_metadata", "pages_messaging"];

    public static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(7);

    /// <summary>Listed when Graph said a permission is missing without naming it.</summary>
    private const string UnknownPermission = "unknown";

    /// <summary>How the last error begins when Graph would not list the page's lead forms (see <see cref="RecordFormsNotListed"/>).</summary>
    public const string FormsNotListedPrefix = "LeadOps could not list the page's lead forms: ";

    public int Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string PageId { get; set; } = string.Empty;

    public string PageName { get; set; } = string.Empty;

    /// <summary>The page token, encrypted with ASP.NET Core Data Protection. Never shown again.</summary>
    public string ProtectedToken { get; set; } = string.Empty;

    public string TokenLast4 { get; set; } = string.Empty;

    public DateTimeOffset? TokenExpiresAt { get; private set; }

    /// <summary>Granted scopes as last seen (comma-separated); null when they could not be read.</summary>
    public string? GrantedScopes { get; private set; }

    /// <summary>Required permissions the token lacks (comma-separated).</summary>
    public string MissingPermissions { get; private set; } = string.Empty;

    /// <summary>
    /// Those of <see cref="MissingPermissions"/> only a refused listing of the page's lead forms found missing
    /// (comma-separated): a listing that goes through takes them off again (<see cref="MergeForms"/>).
    /// </summary>
    public string FormsListingMissingPermissions { get; private set; } = string.Empty;

    public bool? WebhookSubscribed { get; private set; }

    public bool NeedsReconnect { get; private set; }

    public bool IsDisabled { get; private set; }

    public bool IsFromEnvironment { get; set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? LastCheckedAt { get; private set; }

    /// <summary>"debug_token" or "probe": how the last test learned what it knows.</summary>
    public string? LastCheckMethod { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastWebhookAt { get; private set; }

    public bool WelcomeEnabled { get; set; } = true;

    public string WelcomeSubject { get; set; } = "Thanks for your interest, {first_name}!";

    public string WelcomeBody { get; set; } =
        "Hi {first_name},\n\nThank you for filling in {form_name}. Someone from {page_name} will be in touch shortly.\n\nBest regards,\n{page_name}";

    public List<IntegrationForm> Forms { get; set; } = [];

    /// <summary>Whether Graph can be called for this page at all (a token and the page it belongs to are known).</summary>
    public bool HasUsableToken => !string.IsNullOrEmpty(ProtectedToken) && !string.IsNullOrEmpty(PageId);

    /// <summary>
    /// Whether leads may be retrieved through it: only with a usable token. A disabled integration may still be
    /// retrieved by hand; the schedule skips it.
    /// </summary>
    public bool MayRetrieve => HasUsableToken;

    public IReadOnlyList<string> MissingPermissionList => Split(MissingPermissions);

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

        if (MessagingPolicyState() is { } policy)
        {
            return policy;
        }

        if (MissingPermissionList is [var first, ..])
        {
            return new IntegrationState(IntegrationStatus.MissingPermission, $"Missing permission: {string.Join(", ", MissingPermissionList)}", first);
        }

        if (TokenExpiresAt is { } expires && expires - now <= ExpiryWarning)
        {
            return expires <= now
                ? new IntegrationState(IntegrationStatus.NeedsReconnect, $"Token expired on {expires:yyyy-MM-dd}: reconnect")
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
            FormsListingMissingPermissions = string.Empty;
        }
    }

    /// <summary>A check that could not finish (token refused, Graph failed) still says how and when it was made.</summary>
    public void RecordCheckAttempt(string method, DateTimeOffset at)
    {
        LastCheckMethod = method;
        LastCheckedAt = at;
    }

    /// <summary>
    /// What a failed call to Facebook does to the integration: an invalid token needs a reconnect, a missing permission
    /// is listed until a check finds it granted, an object that is gone leaves it untouched (the healthy integration keeps
    /// no error of a deleted lead), anything else is only shown as the last error. <paramref name="reason"/> is the
    /// failure in plain words, cut to fit its column (it may carry whatever Graph said).
    /// </summary>
    public void RecordFailure(IntegrationFault fault, string reason, string? missingPermission = null)
    {
        switch (fault)
        {
            case IntegrationFault.TokenInvalid:
                RecordTokenInvalid(reason);
                break;
            case IntegrationFault.PermissionMissing:
                RecordPermissionMissing(missingPermission ?? UnknownPermission, reason);
                break;
            case IntegrationFault.ObjectGone:
                break;
            default:
                LastError = TextLimit.Fit(reason, TextLimit.Reason);
                break;
        }
    }

    /// <summary>Graph said the token is expired, revoked or invalid (code 190).</summary>
    public void RecordTokenInvalid(string reason)
    {
        NeedsReconnect = true;
        LastError = TextLimit.Fit(reason, TextLimit.Reason);
    }

    /// <summary>Graph said a permission is missing (codes 10, 200–299); another call than the forms listing found it too, so it stays.</summary>
    public void RecordPermissionMissing(string permission, string reason)
    {
        MissingPermissions = string.Join(',', Split(MissingPermissions).Append(permission).Distinct(StringComparer.Ordinal));
        FormsListingMissingPermissions = string.Join(',', Split(FormsListingMissingPermissions).Where(p => p != permission));
        LastError = TextLimit.Fit(reason, TextLimit.Reason);
    }

    /// <summary>Whether the last error is that Graph would not list the page's lead forms: then having none says nothing.</summary>
    public bool FormsNotListed => LastError?.StartsWith(FormsNotListedPrefix, StringComparison.Ordinal) == true;

    /// <summary>
    /// Graph would not list the page's lead forms while the rest of a check went through: recorded as that failure (a
    /// missing permission is listed too), in words that say the forms could not be listed, until a listing goes through.
    /// </summary>
    public void RecordFormsNotListed(IntegrationFault fault, string reason, string? missingPermission = null)
    {
        // A permission is the listing's own finding when nothing else had found it missing.
        var listingFound = Split(FormsListingMissingPermissions).ToList();
        var permission = missingPermission ?? UnknownPermission;
        if (fault == IntegrationFault.PermissionMissing && !MissingPermissionList.Contains(permission))
        {
            listingFound.Add(permission);
        }

        RecordFailure(fault, FormsNotListedPrefix + reason, missingPermission);
        FormsListingMissingPermissions = string.Join(',', listingFound);
    }

    /// <summary>
    /// The page's lead forms as Graph lists them now: known forms take the new name, status and count (keeping their
    /// sync choice and watermark); new ones are added. Forms Graph no longer lists are kept. A last error saying they
    /// could not be listed is over, and so are the missing permissions only a refused listing found.
    /// </summary>
    public void MergeForms(IEnumerable<LeadFormListing> forms, DateTimeOffset now)
    {
        if (FormsNotListed)
        {
            LastError = null;
        }

        var listingFound = Split(FormsListingMissingPermissions);
        MissingPermissions = string.Join(',', MissingPermissionList.Where(p => !listingFound.Contains(p)));
        FormsListingMissingPermissions = string.Empty;

        foreach (var form in forms)
        {
            var existing = Forms.FirstOrDefault(f => f.FormId == form.FormId);
            if (existing is null)
            {
                existing = new IntegrationForm { FormId = TextLimit.Cut(form.FormId, FacebookId.MaxLength) };
                Forms.Add(existing);
            }

            existing.Refresh(form, now);
        }
    }

    private static string[] Split(string permissions) =>
        permissions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Staff turn it off (no syncs, webhooks ignored, no replies) or back on.</summary>
    public void SetEnabled(bool enabled) => IsDisabled = !enabled;

    /// <summary>Whether the app is subscribed to the page's webhook fields, as Graph said just now.</summary>
    public void RecordSubscription(bool subscribed) => WebhookSubscribed = subscribed;

    /// <summary>A webhook event for the page arrived.</summary>
    public void RecordWebhook(DateTimeOffset at) => LastWebhookAt = at;

    /// <summary>The welcome message new leads of this page get (subject trimmed to one line by the caller's rules).</summary>
    public void UseWelcome(bool enabled, string subject, string body)
    {
        WelcomeEnabled = enabled;
        WelcomeSubject = subject.Trim();
        WelcomeBody = body;
    }
}
