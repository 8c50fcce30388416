namespace LeadOps.GraphSandbox;

/// <summary>A message the sandbox accepted through the Send API.</summary>
public sealed record SentMessage(
    string PageId, string Psid, string Text, string MessagingType, string? Tag, string MessageId, DateTimeOffset Time);

/// <summary>
/// A Graph request as it reached the sandbox. Tests use it to prove that no token travelled in a URL
/// (<see cref="QueryString"/>) and that parameters such as the date filter had the documented form.
/// <see cref="AuthorizationScheme"/> is the scheme of the Authorization header (e.g. <c>Bearer</c>), never the token;
/// <see cref="FbTraceId"/> is the <c>fbtrace_id</c> the answer carried (header and error body).
/// </summary>
public sealed record RecordedRequest(
    DateTimeOffset Time,
    string Method,
    string Path,
    string QueryString,
    bool HasAuthorizationHeader,
    bool HasAccessTokenParameter,
    string? AppSecretProof,
    string? AppSecretTime,
    string? AuthorizationScheme = null,
    string? FbTraceId = null);

/// <summary>A message in a conversation between a page and a customer.</summary>
public sealed record ConversationMessage(string Mid, bool FromPage, string Text, DateTimeOffset Time);

/// <summary>A snapshot of the sandbox, as <c>GET /_sandbox/state</c> shows it.</summary>
public sealed record SandboxSummary(
    IReadOnlyList<PageSummary> Pages,
    int SentMessages,
    int RecordedRequests,
    IReadOnlyDictionary<string, int> Webhooks,
    IReadOnlyList<FaultRuleStatus> Faults,
    double TransientFaultRate,
    string? WebhookCallbackUrl);

public sealed record PageSummary(
    string Id,
    string Name,
    bool TokenValid,
    DateTimeOffset? TokenExpiresAt,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> SubscribedFields,
    IReadOnlyList<FormSummary> Forms,
    IReadOnlyList<CustomerSummary> Customers);

public sealed record FormSummary(string Id, string Name, string Status, int LeadsCount);

public sealed record CustomerSummary(string Psid, string Name, DateTimeOffset? LastCustomerMessageAt, bool BlockedPage);

internal sealed class PageState(SeedPage seed, TokenState token)
{
    public string Id { get; } = seed.Id;

    public string Name { get; } = seed.Name;

    public string Category { get; } = seed.Category;

    public int Number { get; } = seed.Number;

    public TokenState Token { get; } = token;

    public HashSet<string> SubscribedFields { get; } = seed.Subscribed ? [.. SandboxSeed.DefaultSubscribedFields] : [];

    public List<FormState> Forms { get; } = [];

    public Dictionary<string, CustomerState> Customers { get; } = [];
}

internal sealed class TokenState(string value, IReadOnlyList<string> scopes, DateTimeOffset issuedAt, DateTimeOffset? expiresAt)
{
    public string Value { get; } = value;

    public IReadOnlyList<string> Scopes { get; } = scopes;

    public DateTimeOffset IssuedAt { get; } = issuedAt;

    /// <summary>Null: never expires (a page token from a long-lived user token).</summary>
    public DateTimeOffset? ExpiresAt { get; set; } = expiresAt;

    public DateTimeOffset DataAccessExpiresAt { get; } = issuedAt.AddDays(90);

    public bool ForcedExpired { get; set; }

    public bool IsValid(DateTimeOffset now) => !ForcedExpired && (ExpiresAt is null || now < ExpiresAt);
}

internal sealed class FormState(SeedForm seed, PageState page, int number, long createdUnix)
{
    public string Id { get; } = seed.Id;

    public string Name { get; } = seed.Name;

    public string Status { get; } = seed.Status;

    public string Locale { get; } = seed.Locale;

    public FormTemplate Template { get; } = seed.Template;

    public PageState Page { get; } = page;

    public int Number { get; } = number;

    public long CreatedUnix { get; } = createdUnix;

    /// <summary>Sorted ascending by (created time, sequence).</summary>
    public List<LeadRef> Leads { get; } = [];
}

internal sealed class CustomerState(string psid, string name, bool blockedPage)
{
    public string Psid { get; } = psid;

    public string Name { get; } = name;

    public bool BlockedPage { get; } = blockedPage;

    public DateTimeOffset? LastCustomerMessageAt { get; set; }

    public List<ConversationMessage> History { get; } = [];
}

/// <summary>A stored lead: only what is needed to page and to regenerate its answers.</summary>
internal readonly record struct LeadRef(long Sequence, long CreatedUnix, FormState Form)
{
    public const long IdBase = 1_500_000_000_000_000;

    public string Id => (IdBase + Sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public PageKey Key => new(CreatedUnix, Sequence);

    public static PageKey KeyOf(LeadRef lead) => lead.Key;
}

/// <summary>What the token on a call turned out to be.</summary>
internal sealed record TokenCheck(
    TokenKind Kind,
    PageState? Page,
    IReadOnlyList<string> Scopes,
    bool IsValid,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? DataAccessExpiresAt);

internal enum TokenKind
{
    Unknown,
    App,
    Page,
}

/// <summary>Usage after a call: the app's, the page's for the call's use case, and the page's over every use case.</summary>
internal sealed record UsageSnapshot(int AppPercent, string? PageId, string UseCase, int PagePercent, int PageTotalPercent = 0);
