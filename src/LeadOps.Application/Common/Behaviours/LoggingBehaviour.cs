using System.Diagnostics;

namespace LeadOps.Application.Common.Behaviours;

/// <summary>
/// Logs each command's name, duration and outcome, and an unexpected failure once, with the correlation (trace) id the
/// user is shown, before it bubbles on. Never the payload: it may hold lead answers or tokens.
/// </summary>
public sealed class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = typeof(TMessage).Name;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            var outcome = response is IOutcome o ? o.Outcome : "Ok";
            logger.LogInformation("Handled {Command} in {ElapsedMs:0.0} ms: {Outcome}", name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, outcome);
            return response;
        }
        catch (ValidationException)
        {
            logger.LogInformation("Handled {Command} in {ElapsedMs:0.0} ms: {Outcome}", name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, "Invalid");
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Unhandled failure in {Command} (correlation id {CorrelationId})", name, Activity.Current?.TraceId.ToString());
            throw;
        }
    }
}
