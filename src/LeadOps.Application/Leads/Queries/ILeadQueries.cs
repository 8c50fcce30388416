namespace LeadOps.Application.Leads.Queries;

/// <summary>Read side of the Leads module: projects straight to view models (owner-filtered by the data layer).</summary>
public interface ILeadQueries
{
    Task<LeadPage> ListAsync(LeadFilter filter, string? cursor, int pageSize, CancellationToken cancellationToken);

    Task<LeadDetails?> GetAsync(long id, CancellationToken cancellationToken);

    Task<IReadOnlyList<RetrievalRunView>> ListRunsAsync(int take, CancellationToken cancellationToken);

    Task<RetrievalRunView?> GetRunAsync(long id, CancellationToken cancellationToken);

    /// <summary>Leads first seen per integration and source: in the last 30, 7 and 1 days (one grouped query).</summary>
    Task<IReadOnlyList<LeadSourceCount>> CountBySourceAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
