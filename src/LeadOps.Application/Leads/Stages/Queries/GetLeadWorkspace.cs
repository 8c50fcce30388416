using LeadOps.Application.Leads.Conversions;

namespace LeadOps.Application.Leads.Stages.Queries;

/// <summary>
/// The lead's stage, history (who, when, from, to), notes and Conversions API events; not found for another user's lead.
/// History and notes are shown <see cref="LeadWorkspace.PageSize"/> at a time, newest first: <paramref name="HistoryBefore"/>
/// and <paramref name="NotesBefore"/> (the <see cref="LeadWorkspace.OlderHistory"/> and <see cref="LeadWorkspace.OlderNotes"/>
/// of the page before) show the older ones.
/// </summary>
public sealed record GetLeadWorkspace(long LeadId, long? HistoryBefore = null, long? NotesBefore = null) : IQuery<Result<LeadWorkspace>>;

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
        var history = await stages.HistoryAsync(lead.Id, query.HistoryBefore, LeadWorkspace.PageSize + 1, cancellationToken);
        var notes = await stages.NotesAsync(lead.Id, query.NotesBefore, LeadWorkspace.PageSize + 1, cancellationToken);
        var olderHistory = history.Count > LeadWorkspace.PageSize ? history[LeadWorkspace.PageSize - 1].Id : (long?)null;
        var olderNotes = notes.Count > LeadWorkspace.PageSize ? notes[LeadWorkspace.PageSize - 1].Id : (long?)null;
        history = [.. history.Take(LeadWorkspace.PageSize)];
        notes = [.. notes.Take(LeadWorkspace.PageSize)];
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
            [.. events.Select(e => ConversionEventView.From(e, Name(e.StageKey)))])
        {
            HistoryBefore = query.HistoryBefore,
            OlderHistory = olderHistory,
            NotesBefore = query.NotesBefore,
            OlderNotes = olderNotes,
        });
    }
}
