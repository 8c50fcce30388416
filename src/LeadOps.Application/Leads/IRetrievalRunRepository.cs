namespace LeadOps.Application.Leads;

/// <summary>Sync history.</summary>
public interface IRetrievalRunRepository
{
    void Add(RetrievalRun run);

    Task<RetrievalRun?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>A run of this form still under way at <paramref name="now"/> (Running, its heartbeat not quiet), or null.</summary>
    Task<RetrievalRun?> UnderWayAsync(int integrationId, string formId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Stamps the run's heartbeat at once, apart from the unit of work the run itself is saved with.</summary>
    Task BeatAsync(long runId, DateTimeOffset at, CancellationToken cancellationToken);
}
