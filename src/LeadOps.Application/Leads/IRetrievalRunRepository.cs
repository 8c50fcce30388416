namespace LeadOps.Application.Leads;

/// <summary>Sync history.</summary>
public interface IRetrievalRunRepository
{
    void Add(RetrievalRun run);

    Task<RetrievalRun?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Stamps the run's heartbeat at once, apart from the unit of work the run itself is saved with.</summary>
    Task BeatAsync(long runId, DateTimeOffset at, CancellationToken cancellationToken);
}
