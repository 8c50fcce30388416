using Polly.CircuitBreaker;
using Polly.Timeout;

namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// Outermost handler: whatever is left after pacing and retries — an error answer, a timeout, an open circuit, a
/// network failure — reaches the caller as a <see cref="GraphApiException"/> with a classified <see cref="GraphFailure"/>,
/// never as an HTTP status.
/// </summary>
internal sealed class GraphFailureHandler(TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = request.GetRequiredGraphContext();
        var state = request.GetGraphState();

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new GraphApiException(Transient($"Graph did not answer within {ex.Timeout.TotalSeconds:0.###} s", null) with { OutcomeUnknown = context.AtMostOnce }, ex);
        }
        catch (BrokenCircuitException ex)
        {
            var retryAfter = ex.RetryAfter is { } wait ? timeProvider.GetUtcNow() + wait : (DateTimeOffset?)null;
            throw new GraphApiException(Transient("Graph calls for this page are paused after repeated failures", retryAfter), ex);
        }
        catch (HttpRequestException ex)
        {
            throw new GraphApiException(Transient($"Could not reach Graph: {ex.HttpRequestError}", null) with { OutcomeUnknown = context.AtMostOnce && !GraphResiliencePipeline.NeverSent(ex) }, ex);
        }

        if (response.IsSuccessStatusCode && state.LastFailure is null)
        {
            return response;
        }

        using (response)
        {
            var failure = state.LastFailure
                ?? await GraphErrorReader.ReadAsync(response, GraphUsageParser.Parse(response.Headers), context.AccessToken, timeProvider.GetUtcNow(), cancellationToken);
            throw new GraphApiException(failure with { OutcomeUnknown = context.AtMostOnce && failure.Kind == GraphFailureKind.Transient && !GraphResiliencePipeline.SaysNotDone(failure) });
        }
    }

    private static GraphFailure Transient(string message, DateTimeOffset? retryAfter) =>
        new(GraphFailureKind.Transient, null, null, null, message, null, null, null, retryAfter);
}
