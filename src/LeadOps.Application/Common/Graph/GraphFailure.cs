namespace LeadOps.Application.Common.Graph;

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
    string? MissingPermission = null)
{
    /// <summary>Meta's <c>error_user_title</c>, the short title it gives a refusal meant for people; null when Meta gives none.</summary>
    public string? UserTitle { get; init; }
}
