namespace LeadOps.Application.Leads;

/// <summary>
/// Beats a running run's heartbeat every <see cref="Every"/> on the clock while a retrieval works (one Graph call may
/// take minutes with its retries), so that only a run whose process really stopped goes quiet and is marked Interrupted.
/// </summary>
internal sealed class RunKeepAlive : IAsyncDisposable
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _beating;

    public RunKeepAlive(IRetrievalRunRepository runs, long runId, TimeProvider clock, ILogger logger) =>
        _beating = BeatAsync(runs, runId, clock, logger, _stop.Token);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _beating;
        _stop.Dispose();
    }

    private static async Task BeatAsync(IRetrievalRunRepository runs, long runId, TimeProvider clock, ILogger logger, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Every, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await runs.BeatAsync(runId, clock.GetUtcNow(), ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A missed beat is not worth failing a retrieval for; the next one tries again.
                    logger.LogWarning("Heartbeat of retrieval run {RunId} failed: {Error}", runId, ex.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the retrieval finished
        }
    }
}
