namespace LeadOps.Application.Leads.Queries;

/// <summary>Read side of the Leads module: projects straight to view models (owner-filtered by the data layer).</summary>
public interface ILeadQueries
{
    Task<LeadPage> ListAsync(LeadFilter filter, string? cursor, int pageSize, CancellationToken cancellationToken);

    /// <summary>How many leads the filter finds (every page of them).</summary>
    Task<int> CountAsync(LeadFilter filter, CancellationToken cancellationToken);

    /// <summary>How many leads the filter finds in each stage (by key), one grouped query over the list's own filter.</summary>
    Task<IReadOnlyDictionary<string, int>> CountByStageAsync(LeadFilter filter, CancellationToken cancellationToken);

    Task<LeadDetails?> GetAsync(long id, CancellationToken cancellationToken);

    Task<IReadOnlyList<RetrievalRunView>> ListRunsAsync(int take, CancellationToken cancellationToken);

    Task<RetrievalRunView?> GetRunAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// Leads first seen per integration and source in the last 30, 7 and 1 days (one grouped query); only leads created
    /// after their integration's leadgen subscription was confirmed count (older ones are history, not webhook misses).
    /// </summary>
    Task<IReadOnlyList<LeadSourceCount>> CountBySourceAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>When and how these leads (by Facebook lead id) first reached LeadOps.</summary>
    Task<IReadOnlyDictionary<string, LeadArrival>> ArrivalsAsync(IReadOnlyCollection<string> facebookLeadIds, CancellationToken cancellationToken);

    /// <summary>The latest leads that could not be stored, newest first, each with the lead stored for it since (if any).</summary>
    Task<IReadOnlyList<LeadFailureView>> ListFailuresAsync(int take, CancellationToken cancellationToken);
}
