namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// Spaces out calls for a page whose last reported usage is past the threshold, instead of racing to 100 % and
/// being throttled. Sits outside the resilience handler: the wait is not counted against an attempt's timeout.
/// </summary>
internal sealed class GraphPacingHandler(
    GraphUsageTracker usageTracker,
    GraphMetrics metrics,
    TimeProvider timeProvider,
    ILogger<GraphPacingHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = request.GetRequiredGraphContext();
        var (delay, percent) = usageTracker.GetPacing(context.PageKey);
        if (delay > TimeSpan.Zero)
        {
            metrics.RecordPacingDelay(delay);
            logger.GraphPacing(context.PageKey, percent, (long)delay.TotalMilliseconds, request.GetOperation());
            await Task.Delay(delay, timeProvider, cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
