namespace LeadOps.Application.Leads.Queries;

/// <summary>One lead with every answer.</summary>
public sealed record GetLead(long LeadId) : IQuery<Result<LeadDetails>>;

internal sealed class GetLeadHandler(ILeadQueries leads) : IQueryHandler<GetLead, Result<LeadDetails>>
{
    public async ValueTask<Result<LeadDetails>> Handle(GetLead query, CancellationToken cancellationToken) =>
        await leads.GetAsync(query.LeadId, cancellationToken) is { } lead ? Result<LeadDetails>.Ok(lead) : Result<LeadDetails>.NotFound("Lead not found");
}
