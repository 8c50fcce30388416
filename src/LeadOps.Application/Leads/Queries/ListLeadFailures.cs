namespace LeadOps.Application.Leads.Queries;

/// <summary>Leads that could not be stored (mostly on the webhook path), newest first: what the sync history shows.</summary>
public sealed record ListLeadFailures(int Take = 50) : IQuery<IReadOnlyList<LeadFailureView>>;

internal sealed class ListLeadFailuresHandler(ILeadQueries leads) : IQueryHandler<ListLeadFailures, IReadOnlyList<LeadFailureView>>
{
    public async ValueTask<IReadOnlyList<LeadFailureView>> Handle(ListLeadFailures query, CancellationToken cancellationToken) =>
        await leads.ListFailuresAsync(Math.Clamp(query.Take, 1, 500), cancellationToken);
}
