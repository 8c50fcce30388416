namespace LeadOps.Application.Leads;

/// <summary>Sync history.</summary>
public interface IRetrievalRunRepository
{
    Task<RetrievalRun?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>A run of this form still under way at <paramref name="now"/> (Running, its heartbeat not quiet), or null.</summary>
    Task<RetrievalRun?> UnderWayAsync(int integrationId, string formId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="run"/> (new, Running) as the one run under way of its form, unless another run of the form
    /// is under way at <paramref name="now"/>: then that run is returned and nothing is stored. Atomic whoever else
    /// starts a run of the form at the same moment, on this node or another (the database allows one Running run per
    /// form); a run gone quiet is first marked Interrupted, so it holds nothing. Saves the unit of work.
    /// </summary>
    Task<RetrievalRun?> StartAsync(RetrievalRun run, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Records on the sync history that the schedule skipped the form while <paramref name="underWay"/> was under way:
    /// once per such run, however many passes find it still going. Saves the unit of work.
    /// </summary>
    Task RecordSkipAsync(RetrievalRun underWay, string? formName, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Stamps the run's heartbeat at once, apart from the unit of work the run itself is saved with.</summary>
    Task BeatAsync(long runId, DateTimeOffset at, CancellationToken cancellationToken);
}
