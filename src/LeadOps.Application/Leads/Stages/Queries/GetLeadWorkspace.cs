using LeadOps.Application.Leads.Conversions;

namespace LeadOps.Application.Leads.Stages.Queries;

/// <summary>The lead's stage, history (who, when, from, to), notes and Conversions API events; not found for another user's lead.</summary>
public sealed record GetLeadWorkspace(long LeadId) : IQuery<Result<LeadWorkspace>>;

internal sealed class GetLeadWorkspaceHandler(IStageRepository stages, IConversionsRepository conversions, IUserNames names)
    : IQueryHandler<GetLeadWorkspace, Result<LeadWorkspace>>
{
    public async ValueTask<Result<LeadWorkspace>> Handle(GetLeadWorkspace query, CancellationToken cancellationToken)
    {
        var found = await stages.GetLeadsAsync([query.LeadId], cancellationToken);
        var lead = found.Count == 0 ? null : found[0];
        if (lead is null)
        {
            return Result<LeadWorkspace>.NotFound("Lead not found");
        }

        var all = await stages.ListStagesAsync(cancellationToken);
        var history = await stages.HistoryAsync(lead.Id, cancellationToken);
        var notes = await stages.NotesAsync(lead.Id, cancellationToken);
        var events = await conversions.ListForLeadAsync(lead.Id, cancellationToken);
        var people = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in history.Select(h => h.ActorId).Concat(notes.Select(n => n.AuthorId)).Distinct())
        {
            people[id] = await names.GetNameAsync(id, cancellationToken) ?? "a removed user";
        }

        string Name(string key) => StageNames.Of(all, key);
        return Result<LeadWorkspace>.Ok(new LeadWorkspace(
            lead.Id,
            lead.StageKey,
            Name(lead.StageKey),
            lead.StageEnteredAt ?? lead.FirstSeenAt,
            [.. all.Select(s => new StageView(s.Key, s.Name, s.MetaEventName, s.Position, s.IsEntry, 0))],
            [.. history.Select(h => new StageChangeView(h.FromStageKey is null ? null : h.FromStageName ?? Name(h.FromStageKey), h.ToStageName ?? Name(h.ToStageKey), people[h.ActorId], h.At))],
            [.. notes.Select(n => new NoteView(n.Text, people[n.AuthorId], n.At))],
            [.. events.Select(e => ConversionEventView.From(e, Name(e.StageKey)))]));
    }
}
