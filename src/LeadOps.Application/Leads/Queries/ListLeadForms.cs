using LeadOps.Application.Leads.Commands;

namespace LeadOps.Application.Leads.Queries;

/// <summary>
/// The lead forms of the acting user's pages (of one integration when <paramref name="IntegrationId"/> is given) as
/// LeadOps last read them from Graph: what a retrieval can be asked for. Integrations by name, then active forms first.
/// </summary>
public sealed record ListLeadForms(int? IntegrationId = null) : IQuery<Result<IReadOnlyList<LeadFormSummary>>>;

internal sealed class ListLeadFormsHandler(IIntegrationRepository integrations, TimeProvider clock)
    : IQueryHandler<ListLeadForms, Result<IReadOnlyList<LeadFormSummary>>>
{
    public async ValueTask<Result<IReadOnlyList<LeadFormSummary>>> Handle(ListLeadForms query, CancellationToken cancellationToken)
    {
        var wanted = (await integrations.ListViewsAsync(clock.GetUtcNow(), cancellationToken))
            .Where(i => query.IntegrationId is null || i.Id == query.IntegrationId)
            .ToList();
        if (query.IntegrationId is not null && wanted.Count == 0)
        {
            return Result<IReadOnlyList<LeadFormSummary>>.NotFound(RetrievalRefusal.IntegrationNotFound);
        }

        return Result<IReadOnlyList<LeadFormSummary>>.Ok(
            [.. wanted.SelectMany(i => i.Forms.Select(f => new LeadFormSummary(f.FormId, f.Name, f.Status, i.Id, i.PageId)))]);
    }
}
