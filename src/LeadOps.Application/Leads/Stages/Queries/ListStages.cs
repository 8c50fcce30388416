namespace LeadOps.Application.Leads.Stages.Queries;

/// <summary>The user's stages in order, each with how many leads it holds (the Leads list's stage filter and counts, the settings page).</summary>
public sealed record ListStages : IQuery<IReadOnlyList<StageView>>;

internal sealed class ListStagesHandler(IStageRepository stages) : IQueryHandler<ListStages, IReadOnlyList<StageView>>
{
    public async ValueTask<IReadOnlyList<StageView>> Handle(ListStages query, CancellationToken cancellationToken)
    {
        var all = await stages.ListStagesAsync(cancellationToken);
        var counts = await stages.CountByStageAsync(cancellationToken);
        return [.. all.Select(s => new StageView(s.Key, s.Name, s.MetaEventName, s.Position, s.IsEntry, counts.GetValueOrDefault(s.Key)))];
    }
}
