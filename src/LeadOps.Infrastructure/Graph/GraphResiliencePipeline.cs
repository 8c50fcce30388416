using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// The Graph resilience pipeline, one instance per page (so one page's open circuit does not touch the others):
/// total timeout → retry → circuit breaker → attempt timeout. Retries only what Graph says may pass (transient and
/// rate-limit classes, 5xx, timeouts, network errors), honouring Graph's own wait when it gives one.
/// </summary>
internal static class GraphResiliencePipeline
{
    public const string Name = "resilience";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var services = context.ServiceProvider;
        var options = services.GetRequiredService<IOptions<FacebookOptions>>().Value.Resilience;
        var timeProvider = services.GetRequiredService<TimeProvider>();
        builder.TimeProvider = timeProvider;

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "graph-total-timeout", Timeout = options.TotalTimeout });

        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "graph-retry",
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options.MaxRetryAfter, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult(GraphWait(args.Outcome, args.Context, timeProvider)),
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            Name = "graph-circuit-breaker",
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = options.CircuitBreakerSamplingDuration,
            BreakDuration = options.CircuitBreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsOutage(args.Outcome, args.Context)),
        });

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "graph-attempt-timeout", Timeout = options.AttemptTimeout });
    }

    /// <summary>Pipeline key: the page the call is for.</summary>
    public static string SelectKey(HttpRequestMessage request) => request.GetGraphContext()?.PageKey ?? GraphCallContext.NoPageKey;

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeSpan maxRetryAfter, TimeProvider timeProvider)
    {
        var atMostOnce = context.GetRequestMessage()?.GetGraphContext()?.AtMostOnce == true;
        if (outcome.Exception is not null)
        {
            return IsTransientException(outcome.Exception) && (!atMostOnce || NeverSent(outcome.Exception));
        }

        // A call Graph found too heavy fails the same way again: the caller asks for less instead.
        var failure = FailureOf(outcome, context);
        if (failure?.Kind is not (GraphFailureKind.Transient or GraphFailureKind.RateLimited) || failure.TooMuchData)
        {
            return false;
        }

        // A send is repeated only when the answer says nothing was done; "an unknown error" or a bare error status from in
        // front of Graph (a gateway's 5xx) may come after Meta sent the message.
        if (atMostOnce && !SaysNotDone(failure))
        {
            return false;
        }

        // Graph said when access comes back: wait that long only if it is within what LeadOps accepts.
        return failure.RetryAfter is not { } retryAfter || retryAfter - timeProvider.GetUtcNow() <= maxRetryAfter;
    }

    /// <summary>Graph's own wait (estimated_time_to_regain_access, Retry-After) when it gave one; otherwise the backoff.</summary>
    internal static TimeSpan? GraphWait(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeProvider timeProvider)
    {
        if (FailureOf(outcome, context)?.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        var wait = retryAfter - timeProvider.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>What counts against a page's circuit: Graph being down or unreachable, not throttles, bad requests or pages too heavy.</summary>
    internal static bool IsOutage(Outcome<HttpResponseMessage> outcome, ResilienceContext context) =>
        outcome.Exception is { } exception
            ? IsTransientException(exception)
            : FailureOf(outcome, context) is { Kind: GraphFailureKind.Transient, TooMuchData: false };

    private static bool IsTransientException(Exception exception) => exception is HttpRequestException or TimeoutRejectedException;

    /// <summary>
    /// An answer that says the call did nothing, so a call that acts once may be made again: a throttle, Graph's "temporary
    /// issue" (2) or the Send API's temporary send failure (1200). Any other failure for now may come after Meta acted.
    /// </summary>
    internal static bool SaysNotDone(GraphFailure failure) =>
        failure.Kind == GraphFailureKind.RateLimited || failure.Code is 2 or GraphErrorClassifier.TemporarySendFailureCode;

    /// <summary>The request never reached Graph: no connection, no name, no proxy tunnel, no TLS.</summary>
    internal static bool NeverSent(Exception exception) => exception is HttpRequestException
    {
        HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError or HttpRequestError.SecureConnectionError,
    };

    private static GraphFailure? FailureOf(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (outcome.Result is not { } response)
        {
            return null;
        }

        // The attempt's own classification: an error status, or a success status whose body is Graph's error.
        var request = context.GetRequestMessage() ?? response.RequestMessage;
        return request?.GetGraphState().LastFailure
            ?? (response.IsSuccessStatusCode ? null : GraphErrorClassifier.Classify(null, (int)response.StatusCode, GraphUsage.Empty, null, DateTimeOffset.MinValue));
    }
}
