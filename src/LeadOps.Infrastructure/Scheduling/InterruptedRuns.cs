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
        var marked = await Persistence.Repositories.RetrievalRunRepository.InterruptQuietAsync(
            db.RetrievalRuns.IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter]), clock.GetUtcNow(), ct);
        if (marked > 0)
        {
            logger.LogWarning("{Count} retrieval runs went quiet and were marked interrupted", marked);
        }

        return marked;
    }
}
