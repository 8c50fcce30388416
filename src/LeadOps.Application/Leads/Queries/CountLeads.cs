namespace LeadOps.Application.Leads.Queries;

/// <summary>How many leads a filter of the lead list finds, over all its pages.</summary>
public sealed record CountLeads(LeadFilter Filter) : IQuery<int>;

internal sealed class CountLeadsHandler(ILeadQueries leads) : IQueryHandler<CountLeads, int>
{
    public async ValueTask<int> Handle(CountLeads query, CancellationToken cancellationToken) => await leads.CountAsync(query.Filter, cancellationToken);
}
