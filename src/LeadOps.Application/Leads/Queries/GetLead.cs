using LeadOps.Application.Leads.Stages;

namespace LeadOps.Application.Leads.Queries;

/// <summary>One lead with every answer and its stage's name as the user calls it now.</summary>
public sealed record GetLead(long LeadId) : IQuery<Result<LeadDetails>>;

internal sealed class GetLeadHandler(ILeadQueries leads, IStageRepository stages) : IQueryHandler<GetLead, Result<LeadDetails>>
{
    public async ValueTask<Result<LeadDetails>> Handle(GetLead query, CancellationToken cancellationToken)
    {
        if (await leads.GetAsync(query.LeadId, cancellationToken) is not { } lead)
        {
            return Result<LeadDetails>.NotFound("Lead not found");
        }

        var named = lead.StageKey is { Length: > 0 } key ? StageNames.Of(await stages.ListStagesAsync(cancellationToken), key) : null;
        return Result<LeadDetails>.Ok(lead with { StageName = named });
    }
}
