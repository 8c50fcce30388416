using LeadOps.Application.Leads.Queries;

namespace LeadOps.Application.Leads.Stages.Queries;

/// <summary>
/// The user's stages in order, each with how many leads it holds (the Leads list's stage filter and counts, the settings
/// page). With <paramref name="Filter"/>, the counts are of the leads the list's other filters find (form, page,
/// source, welcome, dates, search: the list's own query), whatever stage the list is showing; without it, of every lead.
/// </summary>
public sealed record ListStages(LeadFilter? Filter = null) : IQuery<IReadOnlyList<StageView>>;

internal sealed class ListStagesHandler(IStageRepository stages, ILeadQueries leads) : IQueryHandler<ListStages, IReadOnlyList<StageView>>
{
    public async ValueTask<IReadOnlyList<StageView>> Handle(ListStages query, CancellationToken cancellationToken)
    {
        var all = await stages.ListStagesAsync(cancellationToken);
        var counts = await leads.CountByStageAsync((query.Filter ?? new LeadFilter()) with { Stage = null }, cancellationToken);
        return [.. all.Select(s => new StageView(s.Key, s.Name, s.MetaEventName, s.Position, s.IsEntry, counts.GetValueOrDefault(s.Key)))];
    }
}
