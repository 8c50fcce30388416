namespace LeadOps.Application.Common.Graph;

/// <summary>Who LeadOps talks to Graph as: a page and that page's access token (never logged, never in a URL).</summary>
public sealed record GraphCredentials(string PageId, string AccessToken)
{
    public override string ToString() => $"GraphCredentials {{ PageId = {PageId} }}";
}

/// <summary>What kind of failure Graph reported; callers branch on this, never on HTTP status.</summary>
public enum GraphFailureKind
{
    Transient,
    RateLimited,
    TokenInvalid,
    PermissionMissing,
    InvalidRequest,
    OutsideMessagingWindow,
    RecipientUnavailable,
    Blocked,
    Unknown,
}

/// <summary>A parsed Graph error body plus its classification.</summary>
public sealed record GraphFailure(
    GraphFailureKind Kind,
    int? Code,
    int? Subcode,
    string? Type,
    string Message,
    string? FbTraceId,
    bool? IsTransient,
    int? HttpStatus,
    DateTimeOffset? RetryAfter = null,
    string? MissingPermission = null);

/// <summary>Thrown by Graph adapters when Graph answers with an error (after any retries).</summary>
public sealed class GraphApiException : Exception
{
    public GraphApiException(GraphFailure failure)
        : base($"Graph call failed: {failure.Kind} (code {failure.Code}, subcode {failure.Subcode}): {failure.Message}") =>
        Failure = failure;

    public GraphApiException(GraphFailure failure, Exception inner)
        : base($"Graph call failed: {failure.Kind} (code {failure.Code}, subcode {failure.Subcode}): {failure.Message}", inner) =>
        Failure = failure;

    public GraphFailure Failure { get; }
}
