namespace LeadOps.GraphSandbox;

/// <summary>
/// Settings of the Graph sandbox. Bindable from the <c>Sandbox</c> configuration section.
/// Everything the sandbox generates (ids, answers, created times, webhook drops) follows from <see cref="Seed"/>.
/// </summary>
public sealed class SandboxOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Sandbox";

    /// <summary>Seed for generated leads and for every seeded random decision (webhook drops, random faults).</summary>
    public int Seed { get; set; } = 42;

    public string AppId { get; set; } = "sandbox-app-id";

    public string AppSecret { get; set; } = "sandbox-app-secret";

    /// <summary>Name of the app, as shown by <c>subscribed_apps</c> and <c>debug_token</c>.</summary>
    public string AppName { get; set; } = "LeadOps Sandbox";

    /// <summary>When true, every Graph call must carry a valid <c>appsecret_proof</c>.</summary>
    public bool RequireAppSecretProof { get; set; }

    /// <summary>Where webhook events are POSTed; null sends none.</summary>
    public string? WebhookCallbackUrl { get; set; }

    /// <summary>Share of webhook events never delivered (0..1), decided by the seeded random.</summary>
    public double WebhookDropRate { get; set; }

    /// <summary>Share of webhook events delivered twice (0..1), decided by the seeded random.</summary>
    public double WebhookDuplicateRate { get; set; }

    /// <summary>How long after the event a webhook is delivered (real clock).</summary>
    public TimeSpan WebhookDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Emit ids in leadgen webhooks as JSON numbers (Meta's sample) instead of strings (what is seen in practice).</summary>
    public bool WebhookIdsAsNumbers { get; set; }

    /// <summary>
    /// Lead ids are this number plus the lead's sequence (1, 2, …). Graph's ids are 64-bit numbers: a lead id above 2^53
    /// (9007199254740992), such as a 16-digit id from 9.1e15 or a 19-digit one, loses digits in a double, so a client that
    /// reads a webhook's numeric <c>leadgen_id</c> must keep it digit for digit. Read once, when the sandbox starts (the
    /// seed's leads take it too); a state file saved with another base is refused, since its leads are kept by sequence.
    /// </summary>
    public long LeadIdBase { get; set; } = DefaultLeadIdBase;

    public const long DefaultLeadIdBase = 1_500_000_000_000_000;

    /// <summary>Highest <c>limit</c> the leads edge honours; larger values are capped silently, as Graph does.</summary>
    public int LeadsLimitCap { get; set; } = 25;

    /// <summary>
    /// Lead fields this app lacks the capability for: a lead read or a leads page that asks for one is refused with "(#3)
    /// Application does not have the capability to make this API call.", and the same call without it is answered
    /// (facebook/facebook-java-business-sdk issue #450, <c>post_submission_check_result</c>).
    /// </summary>
    public ISet<string> LeadFieldsWithoutCapability { get; set; } = new HashSet<string>(StringComparer.Ordinal) { "post_submission_check_result" };

    /// <summary>
    /// Lead fields this Graph version does not have: a lead read or a leads page that asks for one is answered "(#100) Tried
    /// accessing nonexisting field (…) on node type (Lead)", as for any field a node lacks. Empty by default.
    /// </summary>
    public ISet<string> LeadFieldsUnknown { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Page size when a call gives no <c>limit</c>.</summary>
    public int DefaultLimit { get; set; } = 25;

    /// <summary>Leads seeded on every form, spread over the last 60 days.</summary>
    public int InitialLeadsPerForm { get; set; } = 30;

    /// <summary>Share of Graph calls (0..1) answered with a transient error (code 1 or 2), decided by the seeded random.</summary>
    public double TransientFaultRate { get; set; }

    /// <summary>Calls per hour that make <c>X-App-Usage</c> read 100 %.</summary>
    public int AppCallsPerHourBudget { get; set; } = 20_000;

    /// <summary>Calls per page, use case and hour that make <c>X-Business-Use-Case-Usage</c> read 100 %.</summary>
    public int PageCallsPerHourBudget { get; set; } = 10_000;

    /// <summary>
    /// Also send <c>X-Page-Usage</c> (Graph's page-level header, same shape as <c>X-App-Usage</c>) on page-scoped calls:
    /// the page's calls of every use case against <see cref="PageCallsPerHourBudget"/>. Off by default.
    /// </summary>
    public bool SendPageUsageHeader { get; set; }

    /// <summary>
    /// A file that keeps the sandbox's world across restarts (customers, leads and forms added, subscriptions, expired
    /// tokens): read at start when it exists, written within a second of every change and when the server stops
    /// (<see cref="SandboxStateWriter"/>). Null (the default) starts from the seed and writes nothing.
    /// </summary>
    public string? StateFile { get; set; }

    /// <summary>Where the sandbox's own warnings go (a <see cref="StateFile"/> it could not write); null: the console, warnings only.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>How many recent Graph requests <see cref="SandboxState.Requests"/> keeps.</summary>
    public int MaxRecordedRequests { get; set; } = 20_000;

    /// <summary>
    /// Clock for created times, token expiry and messaging windows. Delays (slow responses, timeouts, webhook delay)
    /// always run on the real clock so that a fake clock cannot stall the server.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Options bound from the <c>Sandbox</c> section (missing keys keep their defaults).</summary>
    public static SandboxOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new SandboxOptions();
        configuration.GetSection(SectionName).Bind(options);
        return options;
    }

    internal void Validate()
    {
        CheckRate(WebhookDropRate, nameof(WebhookDropRate));
        CheckRate(WebhookDuplicateRate, nameof(WebhookDuplicateRate));
        CheckRate(TransientFaultRate, nameof(TransientFaultRate));
        ArgumentOutOfRangeException.ThrowIfLessThan(LeadsLimitCap, 1, nameof(LeadsLimitCap));
        ArgumentOutOfRangeException.ThrowIfLessThan(DefaultLimit, 1, nameof(DefaultLimit));
        ArgumentOutOfRangeException.ThrowIfNegative(InitialLeadsPerForm, nameof(InitialLeadsPerForm));
        ArgumentOutOfRangeException.ThrowIfLessThan(LeadIdBase, 1, nameof(LeadIdBase));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(LeadIdBase, long.MaxValue / 2, nameof(LeadIdBase));
        ArgumentOutOfRangeException.ThrowIfLessThan(AppCallsPerHourBudget, 1, nameof(AppCallsPerHourBudget));
        ArgumentOutOfRangeException.ThrowIfLessThan(PageCallsPerHourBudget, 1, nameof(PageCallsPerHourBudget));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRecordedRequests, 1, nameof(MaxRecordedRequests));
        ArgumentOutOfRangeException.ThrowIfLessThan(WebhookDelay, TimeSpan.Zero, nameof(WebhookDelay));
        ArgumentException.ThrowIfNullOrWhiteSpace(AppId, nameof(AppId));
        ArgumentException.ThrowIfNullOrWhiteSpace(AppSecret, nameof(AppSecret));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        if (WebhookCallbackUrl is not null && !Uri.TryCreate(WebhookCallbackUrl, UriKind.Absolute, out _))
        {
            throw new ArgumentException($"{nameof(WebhookCallbackUrl)} must be an absolute URL.", nameof(WebhookCallbackUrl));
        }
    }

    internal static void CheckRate(double value, string name)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(name, value, "A rate must be between 0 and 1.");
        }
    }
}
