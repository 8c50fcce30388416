namespace LeadOps.Infrastructure.Persistence.Repositories;

internal sealed class RetrievalRunRepository(LeadOpsDbContext db, IOwnerScopeFactory ownerScopes) : IRetrievalRunRepository
{
    public void Add(RetrievalRun run) => db.RetrievalRuns.Add(run);

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
