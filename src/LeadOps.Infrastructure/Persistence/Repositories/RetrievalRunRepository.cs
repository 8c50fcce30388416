namespace LeadOps.Infrastructure.Persistence.Repositories;

internal sealed class RetrievalRunRepository(LeadOpsDbContext db) : IRetrievalRunRepository
{
    public void Add(RetrievalRun run) => db.RetrievalRuns.Add(run);

    public Task<RetrievalRun?> GetAsync(long id, CancellationToken cancellationToken) =>
        db.RetrievalRuns.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
}
