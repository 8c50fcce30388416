using LeadOps.Application.Common;
using LeadOps.Application.Leads.Stages;
using LeadOps.Domain.Leads.Stages;

namespace LeadOps.Infrastructure.Persistence.Repositories;

internal sealed class StageRepository(LeadOpsDbContext db, IUnitOfWork unitOfWork) : IStageRepository
{
    public async Task<IReadOnlyList<PipelineStage>> GetOrCreateStagesAsync(CancellationToken cancellationToken)
    {
        var stages = await db.PipelineStages.OrderBy(s => s.Position).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        if (stages.Count > 0)
        {
            return stages;
        }

        var defaults = Defaults();
        db.PipelineStages.AddRange(defaults);
        return defaults;
    }

    public async Task<IReadOnlyList<PipelineStage>> ListStagesAsync(CancellationToken cancellationToken)
    {
        var stages = await db.PipelineStages.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        return stages.Count > 0 ? stages : Defaults();
    }

    public async Task<IReadOnlyList<Lead>> GetLeadsAsync(IReadOnlyCollection<long> leadIds, CancellationToken cancellationToken) =>
        await db.Leads.Where(l => leadIds.Contains(l.Id)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<long, string>> CurrentStageKeysAsync(IReadOnlyCollection<long> leadIds, CancellationToken cancellationToken) =>
        await db.Leads.AsNoTracking().Where(l => leadIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.StageKey, cancellationToken);

    public async Task<StageSaveOutcome> SaveAsync(IReadOnlyCollection<(long LeadId, string FromKey, string ToKey)> moves, CancellationToken cancellationToken)
    {
        try
        {
            await unitOfWork.SaveChangesAsync(async ct =>
            {
                // The conditional update takes the leads' rows first: a move that committed in between leaves its lead
                // unmatched, and the whole save (history and outbox rows included) is rolled back.
                foreach (var group in moves.GroupBy(m => (m.FromKey, m.ToKey)))
                {
                    var ids = group.Select(m => m.LeadId).ToList();
                    var moved = await db.Leads.Where(l => ids.Contains(l.Id) && l.StageKey == group.Key.FromKey)
                        .ExecuteUpdateAsync(s => s.SetProperty(l => l.StageKey, group.Key.ToKey), ct);
                    if (moved != ids.Count)
                    {
                        throw new MovedMeanwhileException();
                    }
                }
            }, cancellationToken);
            return StageSaveOutcome.Saved;
        }
        catch (MovedMeanwhileException)
        {
            return StageSaveOutcome.LeadMovedMeanwhile;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Another request stored this user's default stages, or added a stage with the same key, at the same moment.
            return StageSaveOutcome.StagesChangedMeanwhile;
        }
    }

    public Task<bool> LeadExistsAsync(long leadId, CancellationToken cancellationToken) => db.Leads.AnyAsync(l => l.Id == leadId, cancellationToken);

    public async Task<IReadOnlyList<LeadStageChange>> HistoryAsync(long leadId, long? before, int take, CancellationToken cancellationToken) =>
        await db.LeadStageChanges.AsNoTracking().Where(c => c.LeadId == leadId && (before == null || c.Id < before))
            .OrderByDescending(c => c.Id).Take(take).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<LeadNote>> NotesAsync(long leadId, long? before, int take, CancellationToken cancellationToken) =>
        await db.LeadNotes.AsNoTracking().Where(n => n.LeadId == leadId && (before == null || n.Id < before))
            .OrderByDescending(n => n.Id).Take(take).ToListAsync(cancellationToken);

    public void Add(PipelineStage stage) => db.PipelineStages.Add(stage);

    public void Add(LeadNote note) => db.LeadNotes.Add(note);

    private static List<PipelineStage> Defaults() =>
        [.. PipelineStage.Defaults.Select((s, i) => PipelineStage.Create(s.Key, s.Name, i))];

    private sealed class MovedMeanwhileException : Exception;
}
