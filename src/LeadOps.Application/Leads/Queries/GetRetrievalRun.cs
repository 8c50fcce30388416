namespace LeadOps.Application.Leads.Queries;

/// <summary>One retrieval run with its processed leads (what the Leads page follows while a run is going).</summary>
public sealed record GetRetrievalRun(long RunId) : IQuery<Result<RetrievalRunView>>;

internal sealed class GetRetrievalRunHandler(ILeadQueries leads) : IQueryHandler<GetRetrievalRun, Result<RetrievalRunView>>
{
    public async ValueTask<Result<RetrievalRunView>> Handle(GetRetrievalRun query, CancellationToken cancellationToken) =>
        await leads.GetRunAsync(query.RunId, cancellationToken) is { } run ? Result<RetrievalRunView>.Ok(run) : Result<RetrievalRunView>.NotFound("Retrieval run not found");
}
