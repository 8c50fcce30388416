namespace LeadOps.Application.Leads.Queries;

/// <summary>The sync history: the latest retrieval runs, newest first.</summary>
public sealed record ListRetrievalRuns(int Take = 50) : IQuery<IReadOnlyList<RetrievalRunView>>;

internal sealed class ListRetrievalRunsHandler(ILeadQueries leads) : IQueryHandler<ListRetrievalRuns, IReadOnlyList<RetrievalRunView>>
{
    public async ValueTask<IReadOnlyList<RetrievalRunView>> Handle(ListRetrievalRuns query, CancellationToken cancellationToken) =>
        await leads.ListRunsAsync(Math.Clamp(query.Take, 1, 500), cancellationToken);
}
