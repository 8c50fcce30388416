namespace LeadOps.Infrastructure.Common;

/// <summary>
/// A background worker that drains the work due now in passes, reports each round to <see cref="WorkerHealth"/>, then
/// sleeps until its <see cref="WorkerSignal"/> wakes it or the poll interval has passed. A failed round is logged and
/// reported on the status page (a timeout inside the round too), and the worker carries on at the next poll; only
/// the host stopping ends the loop.
/// </summary>
internal abstract partial class PollingWorker(WorkerSignal signal, WorkerHealth health, ILogger logger) : BackgroundService
{
    protected WorkerHealth Health { get; } = health;

    protected ILogger Logger { get; } = logger;

    /// <summary>The worker's name on the status page.</summary>
    protected abstract string Name { get; }

    /// <summary>One pass over the work due now; returns how many items it took (0 when nothing was due).</summary>
    public abstract Task<int> ProcessDueAsync(CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="PollAsync"/>, unless this node has the worker switched off (<c>{section}:WorkerEnabled=false</c>):
    /// then the status page says so and the worker ends at once.
    /// </summary>
    protected async Task RunAsync(bool enabled, string section, TimeSpan interval, CancellationToken stoppingToken)
    {
        if (!enabled)
        {
            Health.Beat(Name, TimeSpan.FromDays(3650), $"not running on this node ({section}:WorkerEnabled=false)");
            return;
        }

        Health.Beat(Name, interval, "starting");
        await PollAsync(interval, stoppingToken);
    }

    /// <summary>Drains, reports and sleeps, round after round, until <paramref name="stoppingToken"/> fires.</summary>
    protected async Task PollAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var handled = 0;
                int pass;
                while ((pass = await ProcessDueAsync(stoppingToken)) > 0)
                {
                    handled += pass;
                }

                Health.Beat(Name, interval, $"{handled} handled in the last round");
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Health.Failed(Name, interval, ex.GetType().Name);
                LogRoundFailed(Logger, ex, Name);
            }

            await signal.WaitAsync(interval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of the {Worker} worker failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, string worker);
}
