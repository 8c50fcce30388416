namespace LeadOps.GraphSandbox;

/// <summary>What a fault rule makes a matching Graph call do.</summary>
public enum FaultKind
{
    /// <summary>HTTP 500 with a non-Graph body, as a proxy in front of Graph answers when it fails.</summary>
    Http500,

    /// <summary>Graph error code 1 or 2 (<see cref="FaultRule.Code"/>, default 2), HTTP 500, <c>is_transient</c> true.</summary>
    Transient,

    /// <summary>A throttle (4, 17, 32, 613, 80001, 80005, 80006) with usage headers at 100 % and <c>estimated_time_to_regain_access</c>.</summary>
    Throttle,

    /// <summary>Error 190 / 463, as if the page token had just expired.</summary>
    TokenExpired,

    /// <summary>
    /// Error 200 naming <see cref="FaultRule.Permission"/> (default leads_retrieval), or with <see cref="FaultRule.Code"/> 10
    /// Graph's "Application does not have permission for this action".
    /// </summary>
    PermissionMissing,

    /// <summary>On an edge (leads, leadgen_forms): an empty page that still has <c>paging.next</c>.</summary>
    EmptyPageWithNext,

    /// <summary>Answers normally after <see cref="FaultRule.Delay"/> (default 2 s).</summary>
    Slow,

    /// <summary>Hangs until the client gives up or <see cref="FaultRule.Delay"/> (default 5 min) passes, then answers normally.</summary>
    Timeout,

    /// <summary>
    /// <see cref="FaultRule.Status"/> (default 502) with an empty body and no Graph error, as a load balancer or proxy in
    /// front of Graph answers (a bare 502/503, or a 404 from a misrouted request).
    /// </summary>
    ProxyError,

    /// <summary>Error 190 / 460: the token was invalidated because the user changed their password.</summary>
    TokenInvalidated,

    /// <summary>Error 190 "Malformed access token …", which echoes the token the call carried, as Graph does.</summary>
    MalformedToken,

    /// <summary>Error 368: the action was deemed abusive or is otherwise disallowed (a policy block).</summary>
    PolicyBlock,

    /// <summary>
    /// On an edge (leads, leadgen_forms) called with an <c>after</c> cursor: the page's <c>cursors.after</c> and
    /// <c>paging.next</c> give back the cursor the call was made with, so a client that follows them loops. Only calls
    /// that carry an <c>after</c> cursor match (and count towards <see cref="FaultRule.AfterCalls"/>); a first page does not.
    /// </summary>
    RepeatedCursor,
}

/// <summary>Route names a <see cref="FaultRule"/> can match.</summary>
public static class FaultRoutes
{
    public const string Any = "*";
    public const string Me = "me";
    public const string LeadgenForms = "leadgen_forms";
    public const string Leads = "leads";
    public const string Lead = "lead";
    public const string Page = "page";
    public const string Form = "form";
    public const string Messages = "messages";
    public const string DebugToken = "debug_token";
    public const string SubscribedApps = "subscribed_apps";

    public static IReadOnlyList<string> All { get; } =
        [Any, Me, LeadgenForms, Leads, Lead, Page, Form, Messages, DebugToken, SubscribedApps];

    internal static bool IsEdge(string route) => route is Leads or LeadgenForms;

    /// <summary>The business use case a route counts against in <c>X-Business-Use-Case-Usage</c>.</summary>
    internal static string UseCaseOf(string route) => route switch
    {
        Leads or Lead or LeadgenForms or Form => "leadgen",
        Messages => "messenger",
        _ => "pages",
    };
}

/// <summary>
/// A deterministic fault: the first <see cref="AfterCalls"/> matching calls pass, then the next <see cref="Times"/>
/// matching calls (null = all) get the fault. Rules are tried in the order they were set; the first that fires wins.
/// </summary>
public sealed record FaultRule
{
    /// <summary>One of <see cref="FaultRoutes"/>; "*" matches every Graph route.</summary>
    public string Route { get; init; } = FaultRoutes.Any;

    /// <summary>Only calls scoped to this page.</summary>
    public string? PageId { get; init; }

    /// <summary>Only calls on this form (its leads edge, the form itself, or one of its leads).</summary>
    public string? FormId { get; init; }

    public FaultKind Kind { get; init; }

    /// <summary>
    /// Graph error code for <see cref="FaultKind.Transient"/> (1 or 2), <see cref="FaultKind.Throttle"/> and
    /// <see cref="FaultKind.PermissionMissing"/> (10 or 200).
    /// </summary>
    public int? Code { get; init; }

    /// <summary>HTTP status of a <see cref="FaultKind.ProxyError"/> (400–599, default 502).</summary>
    public int? Status { get; init; }

    /// <summary>The permission named by <see cref="FaultKind.PermissionMissing"/>.</summary>
    public string? Permission { get; init; }

    /// <summary>How long <see cref="FaultKind.Slow"/> and <see cref="FaultKind.Timeout"/> wait.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>Minutes reported in <c>estimated_time_to_regain_access</c> by a throttle.</summary>
    public int EstimatedMinutesToRegainAccess { get; init; } = 5;

    /// <summary>How many matching calls pass before the fault starts firing.</summary>
    public int AfterCalls { get; init; }

    /// <summary>How many times the fault fires; null fires forever.</summary>
    public int? Times { get; init; }

    internal static readonly int[] ThrottleCodes = [4, 17, 32, 613, 80001, 80005, 80006];

    internal void Validate()
    {
        if (!FaultRoutes.All.Contains(Route))
        {
            throw new ArgumentException($"Unknown route '{Route}'. Use one of: {string.Join(", ", FaultRoutes.All)}.", nameof(Route));
        }

        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentException($"Unknown fault kind '{Kind}'.", nameof(Kind));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(AfterCalls, nameof(AfterCalls));
        ArgumentOutOfRangeException.ThrowIfNegative(EstimatedMinutesToRegainAccess, nameof(EstimatedMinutesToRegainAccess));
        if (Times is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Times), Times, "Times must be at least 1, or null for forever.");
        }

        if (Delay is { } delay && delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Delay), delay, "Delay cannot be negative.");
        }

        if (Kind == FaultKind.Transient && Code is not (null or 1 or 2))
        {
            throw new ArgumentException("A transient fault has code 1 or 2.", nameof(Code));
        }

        if (Kind == FaultKind.Throttle && Code is { } code && !ThrottleCodes.Contains(code))
        {
            throw new ArgumentException($"A throttle has one of the codes {string.Join(", ", ThrottleCodes)}.", nameof(Code));
        }

        if (Kind == FaultKind.PermissionMissing && Code is not (null or 10 or 200))
        {
            throw new ArgumentException("A missing permission has code 10 or 200.", nameof(Code));
        }

        if (Status is { } status && (Kind != FaultKind.ProxyError || status is < 400 or > 599))
        {
            throw new ArgumentOutOfRangeException(nameof(Status), status, "Status is for a proxy error, between 400 and 599.");
        }
    }

    internal bool Matches(string route, string? pageId, string? formId, bool hasAfterCursor)
    {
        if (Route != FaultRoutes.Any && Route != route)
        {
            return false;
        }

        if (Kind is FaultKind.EmptyPageWithNext or FaultKind.RepeatedCursor && !FaultRoutes.IsEdge(route))
        {
            return false;
        }

        if (Kind == FaultKind.RepeatedCursor && !hasAfterCursor)
        {
            return false;
        }

        return (PageId is null || PageId == pageId) && (FormId is null || FormId == formId);
    }

    /// <summary>The error this rule answers with, or null for the kinds that shape the response instead.</summary>
    internal GraphError? ToError(string route, DateTimeOffset now, string token) => Kind switch
    {
        FaultKind.Transient => Code == 1 ? GraphErrors.Unknown() : GraphErrors.Unexpected(),
        FaultKind.Throttle => GraphErrors.Throttled(Code ?? DefaultThrottleCode(route), FaultRoutes.UseCaseOf(route), EstimatedMinutesToRegainAccess),
        FaultKind.TokenExpired => GraphErrors.SessionExpired(now.AddMinutes(-1), now),
        FaultKind.TokenInvalidated => GraphErrors.SessionInvalidated(),
        FaultKind.MalformedToken => GraphErrors.MalformedToken(token),
        FaultKind.PermissionMissing when Code == 10 => GraphErrors.ApplicationPermissionDenied(),
        FaultKind.PermissionMissing => GraphErrors.PermissionMissing(Permission ?? SandboxSeed.ScopeLeadsRetrieval),
        FaultKind.PolicyBlock => GraphErrors.PolicyBlocked(),
        _ => null,
    };

    private static int DefaultThrottleCode(string route) => FaultRoutes.UseCaseOf(route) switch
    {
        "leadgen" => 80005,
        "messenger" => 80006,
        _ => 80001,
    };
}

/// <summary>A fault rule with how many calls matched it and how many times it fired.</summary>
public sealed record FaultRuleStatus(FaultRule Rule, int MatchingCalls, int Fired);

/// <summary>The active fault rules and the seeded random transient faults. Thread-safe.</summary>
internal sealed class FaultBook
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _rules = [];
    private readonly int _seed;
    private SeededRandom _random;

    public FaultBook(int seed, double transientFaultRate)
    {
        _seed = seed;
        _random = SeededRandom.For(seed, 3);
        TransientFaultRate = transientFaultRate;
    }

    public double TransientFaultRate { get; set; }

    public IReadOnlyList<FaultRuleStatus> Statuses
    {
        get
        {
            lock (_gate)
            {
                return [.. _rules.Select(r => new FaultRuleStatus(r.Rule, r.Matched, r.Fired))];
            }
        }
    }

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.Validate();
        lock (_gate)
        {
            _rules.Add(new Entry(rule));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    public void Reset(double transientFaultRate)
    {
        lock (_gate)
        {
            _rules.Clear();
            _random = SeededRandom.For(_seed, 3);
            TransientFaultRate = transientFaultRate;
        }
    }

    /// <summary>The rule that fires for this call, counting the call against every rule it matches.</summary>
    public FaultRule? Next(string route, string? pageId, string? formId, bool hasAfterCursor)
    {
        lock (_gate)
        {
            FaultRule? firing = null;
            foreach (var entry in _rules)
            {
                if (!entry.Rule.Matches(route, pageId, formId, hasAfterCursor))
                {
                    continue;
                }

                entry.Matched++;
                if (firing is null && entry.Matched > entry.Rule.AfterCalls && (entry.Rule.Times is null || entry.Fired < entry.Rule.Times))
                {
                    entry.Fired++;
                    firing = entry.Rule;
                }
            }

            return firing;
        }
    }

    /// <summary>A transient error drawn from the seeded random at <see cref="TransientFaultRate"/>, or null.</summary>
    public GraphError? RandomTransient()
    {
        lock (_gate)
        {
            if (!_random.Chance(TransientFaultRate))
            {
                return null;
            }

            return _random.Next(2) == 0 ? GraphErrors.Unknown() : GraphErrors.Unexpected();
        }
    }

    private sealed class Entry(FaultRule rule)
    {
        public FaultRule Rule { get; } = rule;

        public int Matched { get; set; }

        public int Fired { get; set; }
    }
}
