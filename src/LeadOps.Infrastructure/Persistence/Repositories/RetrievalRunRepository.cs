namespace LeadOps.Infrastructure.Persistence.Repositories;

internal sealed class RetrievalRunRepository(LeadOpsDbContext db, IOwnerScopeFactory ownerScopes) : IRetrievalRunRepository
{
    public Task<RetrievalRun?> GetAsync(long id, CancellationToken cancellationToken) =>
        db.RetrievalRuns.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public Task<RetrievalRun?> UnderWayAsync(int integrationId, string formId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var quietSince = now - RetrievalRun.QuietLimit;
        return db.RetrievalRuns.AsNoTracking()
            .Where(r => r.IntegrationId == integrationId && r.FormId == formId && r.Outcome == RetrievalOutcome.Running && r.HeartbeatAt > quietSince)
            .OrderByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<RetrievalRun?> StartAsync(RetrievalRun run, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await InterruptQuietAsync(db.RetrievalRuns.Where(r => r.IntegrationId == run.IntegrationId && r.FormId == run.FormId), now, cancellationToken);
            db.RetrievalRuns.Add(run);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return null;
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // The one Running run per form (a unique filtered index) is another's: this run is not stored. When that
                // run ended (or went quiet) before it could be named, the form is claimed again.
                db.Entry(run).State = EntityState.Detached;
                run.Id = 0;
                if (await UnderWayAsync(run.IntegrationId, run.FormId, now, cancellationToken) is { } underWay)
                {
                    return underWay;
                }

                if (attempt == 3)
                {
                    throw;
                }
            }
        }
    }

    public async Task RecordSkipAsync(RetrievalRun underWay, string? formName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recorded = await db.RetrievalRuns.AnyAsync(
            r => r.IntegrationId == underWay.IntegrationId && r.FormId == underWay.FormId && r.Outcome == RetrievalOutcome.Skipped && r.StartedAt >= underWay.StartedAt,
            cancellationToken);
        if (!recorded)
        {
            db.RetrievalRuns.Add(RetrievalRun.Skip(underWay, formName, now));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Runs end: the runs of <paramref name="runs"/> still Running whose heartbeat has been quiet for
    /// <see cref="RetrievalRun.QuietLimit"/> at <paramref name="now"/> are marked Interrupted, with one conditional update
    /// (exactly the runs <see cref="UnderWayAsync"/> does not count as under way).
    /// </summary>
    internal static Task<int> InterruptQuietAsync(IQueryable<RetrievalRun> runs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var quietSince = now - RetrievalRun.QuietLimit;
        return runs
            .Where(r => r.Outcome == RetrievalOutcome.Running && r.HeartbeatAt <= quietSince)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Outcome, RetrievalOutcome.Interrupted)
                .SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.Error, RetrievalRun.InterruptedError), cancellationToken);
    }

    /// <summary>
    /// With a context of its own (same owner): the retrieval's context is busy with its pages while the heartbeat
    /// beats. Only a run still Running is touched, and the heartbeat only moves forward.
    /// </summary>
    public async Task BeatAsync(long runId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var scope = ownerScopes.CreateScope(db.CurrentUser.RequiredUserId);
        await scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>().RetrievalRuns
            .Where(r => r.Id == runId && r.Outcome == RetrievalOutcome.Running && r.HeartbeatAt < at)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.HeartbeatAt, at), cancellationToken);
    }
}
