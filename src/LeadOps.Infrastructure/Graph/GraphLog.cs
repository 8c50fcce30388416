namespace LeadOps.Infrastructure.Graph;

/// <summary>The one structured event per Graph HTTP attempt. Ids, numbers and the path only: no token, query or content.</summary>
internal static partial class GraphLog
{
    [LoggerMessage(
        EventId = 4100,
        EventName = "GraphCall",
        Message = "Graph {Operation} {Path} ({Route}) for page {PageId}: {Outcome} (HTTP {HttpStatus}, error {ErrorCode}/{ErrorSubcode}) in {DurationMs} ms, attempt {Attempt}, fbtrace {FbTraceId}, usage app {AppUsagePercent} % page {PageUsagePercent} % business {BusinessUsagePercent} %")]
    public static partial void GraphCall(
        this ILogger logger,
        LogLevel level,
        string operation,
        string route,
        string path,
        string? pageId,
        string outcome,
        int? httpStatus,
        int? errorCode,
        int? errorSubcode,
        long durationMs,
        int attempt,
        string? fbTraceId,
        double? appUsagePercent,
        double? pageUsagePercent,
        double? businessUsagePercent);

    [LoggerMessage(
        EventId = 4101,
        EventName = "GraphPacing",
        Level = LogLevel.Information,
        Message = "Graph usage for page {PageId} is {UsagePercent} %: waiting {DelayMs} ms before {Operation}")]
    public static partial void GraphPacing(this ILogger logger, string pageId, double? usagePercent, long delayMs, string operation);
}
