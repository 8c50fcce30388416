namespace LeadOps.Application.Leads.Queries;

/// <summary>The lead list: newest first, filtered, one keyset page at a time (<paramref name="Cursor"/> continues a page).</summary>
public sealed record ListLeads(LeadFilter Filter, string? Cursor = null, int PageSize = ListLeads.DefaultPageSize) : IQuery<LeadPage>
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
}

internal sealed class ListLeadsHandler(ILeadQueries leads) : IQueryHandler<ListLeads, LeadPage>
{
    public async ValueTask<LeadPage> Handle(ListLeads query, CancellationToken cancellationToken) =>
        await leads.ListAsync(query.Filter, query.Cursor, Math.Clamp(query.PageSize, 1, ListLeads.MaxPageSize), cancellationToken);
}
