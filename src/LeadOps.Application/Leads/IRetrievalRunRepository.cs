namespace LeadOps.Application.Leads;

/// <summary>Sync history.</summary>
public interface IRetrievalRunRepository
{
    void Add(RetrievalRun run);

    Task<RetrievalRun?> GetAsync(long id, CancellationToken cancellationToken);
}
