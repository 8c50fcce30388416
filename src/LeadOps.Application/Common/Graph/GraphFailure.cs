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
    string? MissingPermission = null);
