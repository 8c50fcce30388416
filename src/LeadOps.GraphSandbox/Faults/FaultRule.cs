namespace LeadOps.GraphSandbox;

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
    /// <see cref="FaultKind.PermissionMissing"/> (3, 10, 100, 200 or 298).
    /// </summary>
    public int? Code { get; init; }

    /// <summary>
    /// HTTP status of a <see cref="FaultKind.ProxyError"/> (400–599, default 502), or of a <see cref="FaultKind.SendRefused"/>
    /// (200, 400, 403 or 500, default 400: the Send API's refusals come with any of them, 200 included, the error in the body).
    /// </summary>
    public int? Status { get; init; }

    /// <summary>
    /// Graph error subcode of a <see cref="FaultKind.SendRefused"/> with <see cref="Code"/> 10 or 200: 2018028, "Cannot
    /// message users who are not admins, developers or testers of the app until pages_messaging permission is reviewed and
    /// the app is live." (the Send API's error table); with code 10 also 2534022, "This message is sent outside of allowed
    /// window." (HTTP 403, as integrators record it). Null gives the code's usual refusal.
    /// </summary>
    public int? Subcode { get; init; }

    /// <summary>An <see cref="FaultKind.OAuthErrorWithoutBody"/> comes with an HTML page where Graph's JSON error was, rather than no body.</summary>
    public bool HtmlBody { get; init; }

    /// <summary>The permission named by <see cref="FaultKind.PermissionMissing"/>.</summary>
    public string? Permission { get; init; }

    /// <summary>How long <see cref="FaultKind.Slow"/> and <see cref="FaultKind.Timeout"/> wait.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>Minutes reported in <c>estimated_time_to_regain_access</c> by a throttle.</summary>
    public int EstimatedMinutesToRegainAccess { get; init; } = 5;

    /// <summary>The most items a <see cref="FaultKind.TooMuchData"/> edge call may ask for and still be answered.</summary>
    public int MaxPageSize { get; init; } = 25;

    /// <summary>How many matching calls pass before the fault starts firing.</summary>
    public int AfterCalls { get; init; }

    /// <summary>How many times the fault fires; null fires forever.</summary>
    public int? Times { get; init; }

    internal static readonly int[] ThrottleCodes = [4, 17, 32, 613, 80000, 80001, 80004, 80005, 80006, 80014];

    internal static readonly int[] SendRefusalCodes = [1200, 9, 10, 200, 551];

    internal static readonly int[] SendRefusalStatuses = [200, 400, 403, 500];

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
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPageSize, 1, nameof(MaxPageSize));
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

        if (Kind == FaultKind.PermissionMissing && Code is not (null or 3 or 10 or 100 or 200 or 298))
        {
            throw new ArgumentException("A missing permission has code 3, 10, 100, 200 or 298.", nameof(Code));
        }

        if (Kind == FaultKind.SendRefused && Code is { } refusal && !SendRefusalCodes.Contains(refusal))
        {
            throw new ArgumentException($"A Send API refusal has one of the codes {string.Join(", ", SendRefusalCodes)}.", nameof(Code));
        }

        if (Subcode is { } subcode && !(Kind == FaultKind.SendRefused && Code is 10 or 200 && subcode == GraphErrors.AppNotLiveSubcode) &&
            !(Kind == FaultKind.SendRefused && Code == 10 && subcode == GraphErrors.OutsideWindowSubcode))
        {
            throw new ArgumentException(
                $"A subcode is for a Send API refusal with code 10 or 200: {GraphErrors.AppNotLiveSubcode}, or code 10: {GraphErrors.OutsideWindowSubcode}.", nameof(Subcode));
        }

        if (Status is { } status && !(Kind == FaultKind.ProxyError && status is >= 400 and <= 599 || Kind == FaultKind.SendRefused && SendRefusalStatuses.Contains(status)))
        {
            throw new ArgumentOutOfRangeException(
                nameof(Status), status, $"Status is for a proxy error, between 400 and 599, or a Send API refusal, one of {string.Join(", ", SendRefusalStatuses)}.");
        }
    }

    internal bool Matches(string route, string? pageId, string? formId, bool hasAfterCursor)
    {
        if (Route != FaultRoutes.Any && Route != route)
        {
            return false;
        }

        if (Kind is FaultKind.EmptyPageWithNext or FaultKind.RepeatedCursor or FaultKind.EmptyPageRepeatingCursor or FaultKind.TooMuchData or FaultKind.TimeBasedPaging or FaultKind.PagingCycle or FaultKind.SamePageNewCursor && !FaultRoutes.IsEdge(route))
        {
            return false;
        }

        if (Kind is FaultKind.RepeatedCursor or FaultKind.EmptyPageRepeatingCursor or FaultKind.PagingCycle or FaultKind.SamePageNewCursor && !hasAfterCursor)
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
        FaultKind.TokenExpired or FaultKind.OAuthErrorWithoutBody => GraphErrors.SessionExpired(now.AddMinutes(-1), now),
        FaultKind.TokenInvalidated => GraphErrors.SessionInvalidated(),
        FaultKind.MalformedToken => GraphErrors.MalformedToken(token),
        FaultKind.PermissionMissing when Code == 3 => GraphErrors.ApplicationLacksCapability(),
        FaultKind.PermissionMissing when Code == 10 => GraphErrors.ApplicationPermissionDenied(),
        FaultKind.PermissionMissing when Code == 298 => GraphErrors.ExtendedPermissionRequired(298, Permission ?? DefaultPermission(route)),
        FaultKind.PermissionMissing when Code == 100 => GraphErrors.ObjectNeedsPermission(Permission ?? SandboxSeed.ScopePagesReadEngagement),
        FaultKind.PermissionMissing => GraphErrors.PermissionMissing(Permission ?? DefaultPermission(route)),
        FaultKind.PolicyBlock => GraphErrors.PolicyBlocked(),
        FaultKind.SendRefused => GraphErrors.SendRefused(Code ?? 1200, Subcode) is var refusal && Status is { } status ? refusal with { HttpStatus = status } : refusal,
        _ => null,
    };

    /// <summary>The permission the call on <paramref name="route"/> needs, named when the rule names none.</summary>
    private static string DefaultPermission(string route) => route switch
    {
        FaultRoutes.SubscribedApps => SandboxSeed.ScopePagesManageMetadata,
        FaultRoutes.Events => SandboxSeed.ScopeAdsManagement,
        _ when FaultRoutes.UseCaseOf(route) == "messenger" => SandboxSeed.ScopePagesMessaging,
        _ => SandboxSeed.ScopeLeadsRetrieval,
    };

    private static int DefaultThrottleCode(string route) => FaultRoutes.UseCaseOf(route) switch
    {
        "leadgen" => 80005,
        "messenger" => 80006,
        _ => 80001,
    };
}
