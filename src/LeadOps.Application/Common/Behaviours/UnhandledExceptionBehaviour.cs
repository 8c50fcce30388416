using System.Diagnostics;

namespace LeadOps.Application.Common.Behaviours;

/// <summary>Logs an unexpected failure once, with the correlation (trace) id the user is shown, then lets it bubble.</summary>
public sealed class UnhandledExceptionBehaviour<TMessage, TResponse>(ILogger<UnhandledExceptionBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not ValidationException and not OperationCanceledException)
        {
            logger.LogError(ex, "Unhandled failure in {Command} (correlation id {CorrelationId})", typeof(TMessage).Name, Activity.Current?.TraceId.ToString());
            throw;
        }
    }
}
