using System.Runtime.CompilerServices;

namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// <see cref="ILeadSource"/> over Graph. Pages are followed while Graph announces <c>paging.next</c>, whatever their size:
/// an empty page or one smaller than the limit asked for (Graph caps it) is not the end.
/// </summary>
internal sealed class GraphLeadSource(IGraphApi graphApi) : ILeadSource
{
    /// <summary>Asked for per page; Graph may send fewer.</summary>
    internal const int PageSize = 100;

    public async IAsyncEnumerable<IReadOnlyList<FacebookLeadData>> GetLeadPagesAsync(
        GraphCredentials credentials,
        string formId,
        DateTimeOffset? since,
        DateTimeOffset? until,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(formId);

        var context = GraphCallContext.ForPage(credentials);
        var filtering = GraphLeadFilter.Build(since, until);
        string? after = null;
        while (true)
        {
            var page = await GraphCall.RunAsync(() =>
                graphApi.GetLeadsAsync(formId, GraphLeadMapper.Fields, PageSize, after, filtering, context, cancellationToken));

            yield return (page.Data ?? []).Select(GraphLeadMapper.ToLead).ToList();

            after = GraphPagingCursor.NextAfter(page.Paging, after);
            if (after is null)
            {
                yield break;
            }
        }
    }

    public async Task<FacebookLeadData> GetLeadAsync(GraphCredentials credentials, string leadId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(leadId);

        var lead = await GraphCall.RunAsync(() =>
            graphApi.GetLeadAsync(leadId, GraphLeadMapper.Fields, GraphCallContext.ForPage(credentials), cancellationToken));
        return GraphLeadMapper.ToLead(lead);
    }
}
