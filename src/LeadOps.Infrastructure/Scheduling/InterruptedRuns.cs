namespace LeadOps.Infrastructure.Scheduling;

/// <summary>
/// Runs end: a run still Running whose heartbeat has been quiet for <see cref="RetrievalRun.QuietLimit"/> lost its
/// process (killed, crashed, host stopped) and is marked Interrupted. Done when a node starts and on every scheduler
/// pass, so it happens within minutes whether or not the node that ran it comes back. Its form is not marked synced,
/// so the next pass retrieves it again.
/// </summary>
public sealed class InterruptedRuns(IServiceScopeFactory scopes, TimeProvider clock, ILogger<InterruptedRuns> logger)
{
    /// <summary>
    /// Looks across owners by design (whoever's run it was): bypasses only the named owner filter with one conditional
    /// update of quiet runs, and reveals nothing.
    /// </summary>
    public async Task<int> MarkAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
        var now = clock.GetUtcNow();
        var quietSince = now - RetrievalRun.QuietLimit;
        var marked = await db.RetrievalRuns.IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter])
            .Where(r => r.Outcome == RetrievalOutcome.Running && r.HeartbeatAt < quietSince)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Outcome, RetrievalOutcome.Interrupted)
                .SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.Error, RetrievalRun.InterruptedError), ct);
        if (marked > 0)
        {
            logger.LogWarning("{Count} retrieval runs went quiet and were marked interrupted", marked);
        }

        return marked;
    }
}
