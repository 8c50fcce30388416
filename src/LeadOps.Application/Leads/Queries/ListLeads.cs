using LeadOps.Application.Leads.Stages;

namespace LeadOps.Application.Leads.Queries;

/// <summary>
/// The lead list: newest first, filtered, one keyset page at a time (<paramref name="Cursor"/> continues a page), each
/// lead with its stage's name as the user calls it now.
/// </summary>
public sealed record ListLeads(LeadFilter Filter, string? Cursor = null, int PageSize = ListLeads.DefaultPageSize) : IQuery<LeadPage>
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
}

internal sealed class ListLeadsHandler(ILeadQueries leads, IStageRepository stages) : IQueryHandler<ListLeads, LeadPage>
{
    public async ValueTask<LeadPage> Handle(ListLeads query, CancellationToken cancellationToken)
    {
        var page = await leads.ListAsync(query.Filter, query.Cursor, Math.Clamp(query.PageSize, 1, ListLeads.MaxPageSize), cancellationToken);
        var named = await stages.ListStagesAsync(cancellationToken);
        return page with { Items = [.. page.Items.Select(l => l with { StageName = StageNames.Of(named, l.StageKey) })] };
    }
}
