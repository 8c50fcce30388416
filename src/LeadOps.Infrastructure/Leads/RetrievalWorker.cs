using System.Collections.Concurrent;
using LeadOps.Application.Leads.Commands;
using Mediator;

namespace LeadOps.Infrastructure.Leads;

/// <summary>
/// Runs retrievals started from the Leads page, one at a time, each as its owner, taken in turns between owners
/// (<see cref="OwnerTurns{T}"/>): one owner's many queued forms do not hold back another owner's run. Runs still waiting
/// in the queue have their heartbeat beaten by this worker (the process that holds them), so only a run whose process
/// stopped goes quiet.
/// </summary>
internal sealed class RetrievalWorker(
    IOwnerScopeFactory ownerScopes,
    WorkerHealth health,
    TimeProvider clock,
    ILogger<RetrievalWorker> logger) : BackgroundService, IRetrievalQueue
{
    public const string WorkerName = "retrieval";
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan WaitingBeat = TimeSpan.FromSeconds(30);
    private readonly OwnerTurns<RetrieveFacebookLeads> _queue = new();
    private readonly ConcurrentDictionary<long, string> _waiting = new();

    public void Enqueue(string ownerId, RetrieveFacebookLeads command)
    {
        if (command.RunId is { } runId)
        {
            _waiting[runId] = ownerId;
        }

        _queue.Add(ownerId, command);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        health.Beat(WorkerName, Idle);
        _ = BeatWaitingAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            idle.CancelAfter(Idle);
            (string OwnerId, RetrieveFacebookLeads Command) item;
            try
            {
                item = await _queue.TakeAsync(idle.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                health.Beat(WorkerName, Idle);
                continue;
            }

            if (item.Command.RunId is { } started)
            {
                _waiting.TryRemove(started, out _);
            }

            try
            {
                await using var scope = ownerScopes.CreateScope(item.OwnerId);
                await scope.ServiceProvider.GetRequiredService<ISender>().Send(item.Command, stoppingToken);
                health.Beat(WorkerName, Idle);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                health.Failed(WorkerName, Idle, ex.GetType().Name);
                logger.LogError(ex, "Background retrieval run {RunId} failed", item.Command.RunId);
                await MarkFailedAsync(item.OwnerId, item.Command.RunId, stoppingToken);
            }
        }
    }

    private async Task BeatWaitingAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(WaitingBeat, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                foreach (var (runId, ownerId) in _waiting)
                {
                    try
                    {
                        await using var scope = ownerScopes.CreateScope(ownerId);
                        await scope.ServiceProvider.GetRequiredService<IRetrievalRunRepository>().BeatAsync(runId, clock.GetUtcNow(), ct);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        logger.LogWarning("Heartbeat of waiting retrieval run {RunId} failed: {Error}", runId, ex.GetType().Name);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the host is stopping
        }
    }

    /// <summary>
    /// Records the run as failed. When that fails too (the database is unavailable), the run goes quiet and is marked
    /// Interrupted later; the worker goes on to the next run rather than ending, which would stop the host.
    /// </summary>
    private async Task MarkFailedAsync(string ownerId, long? runId, CancellationToken ct)
    {
        if (runId is null)
        {
            return;
        }

        try
        {
            await using var scope = ownerScopes.CreateScope(ownerId);
            var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
            await db.RetrievalRuns.Where(r => r.Id == runId && r.Outcome == RetrievalOutcome.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Outcome, RetrievalOutcome.Failed).SetProperty(r => r.FinishedAt, clock.GetUtcNow()).SetProperty(r => r.Error, "The run stopped on an unexpected error."), ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Retrieval run {RunId} could not be marked failed ({Error}); it is marked interrupted once quiet", runId, ex.GetType().Name);
        }
    }
}
