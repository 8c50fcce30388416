using System.Runtime.CompilerServices;

namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// <see cref="ILeadSource"/> over Graph. Pages are followed while Graph announces <c>paging.next</c> (by its cursor, or by the
/// time or offset its next URL names: <see cref="GraphPagingCursor"/>), whatever their size:
/// an empty page or one smaller than the limit asked for (Graph caps it) is not the end; a page Graph finds too heavy is
/// asked for again with fewer leads (<see cref="GraphPageSize"/>), and a read refused for one of the vertical fields is asked
/// for again without them (<see cref="GraphLeadFields"/>; the page's later reads, webhook or walk, start without them for a
/// while: <see cref="GraphLeadFieldsMemory"/>), and each page says which fields its leads were read without. A page that announces the very
/// cursor it was asked with is asked once more (the next answer often carries on); if the cursor repeats again, the
/// walk ends there with a warning on its last page, never in a loop and never as a failure. So does a page whose leads
/// were all read already in this walk, whatever new cursor it names (<see cref="GraphEdgeWalk.Meet"/>: a page with some
/// new leads goes on, and a lead without an id counts as new). A next page that cannot be
/// followed, paging that goes round or an endless run of empty pages (<see cref="GraphEdgeWalk"/>) fails the walk once
/// the leads read are handed over.
/// </summary>
internal sealed class GraphLeadSource(IGraphApi graphApi, ILogger<GraphLeadSource> logger, GraphLeadFieldsMemory? memory = null) : ILeadSource
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
        var walk = new GraphEdgeWalk();
        var size = new GraphPageSize(PageSize, "leads", logger);
        var fields = new GraphLeadFields(logger, "form " + formId, memory, credentials.PageId);
        while (true)
        {
            var page = await fields.RunAsync(asked => size.RunAsync(limit => walk.AskAsync(
                after => graphApi.GetLeadsAsync(formId, asked, limit, after, filtering, context, cancellationToken),
                position => graphApi.GetLeadsFromAsync(formId, asked, limit, filtering, position, context, cancellationToken))));
            var leads = (page.Data ?? []).Select(GraphLeadMapper.ToLead).ToList();
            // Every lead of the page is handed over (the run skips those it already handled); the walk only learns
            // whether the page brought one it had not met.
            walk.Meet(leads, lead => lead.Id);
            bool more;
            GraphApiException? stuck = null;
            try
            {
                more = walk.MoveTo(GraphPagingCursor.NextPage(page.Paging), leads.Count);
            }
            catch (GraphApiException ex)
            {
                more = false;
                stuck = ex;
            }

            if (stuck is not null)
            {
                // The leads read are handed over first; the walk then fails, so the run keeps its place for the rest.
                yield return new FacebookLeadPage(leads) { LeftOutFields = fields.LeftOut };
                throw stuck;
            }

            if (!more)
            {
                yield return new FacebookLeadPage(leads, walk.Warning) { LeftOutFields = fields.LeftOut };
                yield break;
            }

            yield return new FacebookLeadPage(leads) { LeftOutFields = fields.LeftOut };
        }
    }

    public async Task<FacebookLeadData> GetLeadAsync(GraphCredentials credentials, string leadId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(leadId);

        var lead = await new GraphLeadFields(logger, "lead " + leadId, memory, credentials.PageId).RunAsync(asked => GraphCall.RunAsync(() =>
            graphApi.GetLeadAsync(leadId, asked, GraphCallContext.ForPage(credentials), cancellationToken)));
        // The node asked for is the lead: an answer without the echo of its id is still that lead, not one to lose.
        return GraphLeadMapper.ToLead(string.IsNullOrEmpty(lead.Id) ? lead with { Id = leadId } : lead);
    }
}
