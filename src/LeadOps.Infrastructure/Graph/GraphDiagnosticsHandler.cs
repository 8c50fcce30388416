namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// Innermost handler, run once per attempt: reads the usage headers (tracker and metrics), classifies a failed answer
/// (an error status, or a success status whose body is Graph's error) for the retry predicate, and writes the one log
/// event of the attempt.
/// </summary>
internal sealed class GraphDiagnosticsHandler(
    GraphUsageTracker usageTracker,
    GraphMetrics metrics,
    TimeProvider timeProvider,
    ILogger<GraphDiagnosticsHandler> logger) : DelegatingHandler
{
    private const string TraceIdHeader = "x-fb-trace-id";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = request.GetRequiredGraphContext();
        var state = request.GetGraphState();
        var attempt = state.NextAttempt();
        state.LastFailure = null;
        var started = timeProvider.GetTimestamp();

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            var outcome = ex is OperationCanceledException ? "Cancelled" : "NetworkError";
            Write(request, context, attempt, timeProvider.GetElapsedTime(started), outcome, null, null, null, GraphUsage.Empty);
            throw;
        }

        var elapsed = timeProvider.GetElapsedTime(started);
        var usage = GraphUsageParser.Parse(response.Headers);
        usageTracker.Record(context.PageKey, usage);
        metrics.RecordUsage(context.PageKey, usage);

        var failure = response.IsSuccessStatusCode
            ? await GraphErrorReader.ReadRefusalInSuccessAsync(response, usage, context.AccessToken, timeProvider.GetUtcNow(), cancellationToken)
            : await GraphErrorReader.ReadAsync(response, usage, context.AccessToken, timeProvider.GetUtcNow(), cancellationToken);
        state.LastFailure = failure;

        var traceId = failure?.FbTraceId
            ?? (response.Headers.TryGetValues(TraceIdHeader, out var values) ? values.FirstOrDefault() : null);
        Write(request, context, attempt, elapsed, failure?.Kind.ToString() ?? "Success", (int)response.StatusCode, failure, traceId, usage);
        return response;
    }

    private void Write(
        HttpRequestMessage request,
        GraphCallContext context,
        int attempt,
        TimeSpan elapsed,
        string outcome,
        int? status,
        GraphFailure? failure,
        string? traceId,
        GraphUsage usage)
    {
        var operation = request.GetOperation();
        metrics.RecordAttempt(operation, status, failure?.Kind, attempt, elapsed);
        logger.GraphCall(
            outcome == "Success" ? LogLevel.Information : LogLevel.Warning,
            operation,
            request.GetRoute(),
            request.RequestUri?.AbsolutePath ?? string.Empty,
            context.PageId,
            outcome,
            status,
            failure?.Code,
            failure?.Subcode,
            (long)elapsed.TotalMilliseconds,
            attempt,
            traceId,
            usage.App?.MaxPercent,
            usage.Page?.MaxPercent,
            usage.BusinessUseCases.Select(u => u.MaxPercent).Max());
    }
}
