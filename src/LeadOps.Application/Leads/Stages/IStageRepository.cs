using LeadOps.Domain.Leads.Stages;

namespace LeadOps.Application.Leads.Stages;

/// <summary>The current user's pipeline: stages, leads moved between them, notes (owner filtering by the data layer).</summary>
public interface IStageRepository
{
    /// <summary>The user's stages in order, tracked; a user who never changed them gets the defaults, added to the unit of work.</summary>
    Task<IReadOnlyList<PipelineStage>> GetOrCreateStagesAsync(CancellationToken cancellationToken);

    /// <summary>The user's stages in order, read only; the defaults (not stored) when the user has none yet.</summary>
    Task<IReadOnlyList<PipelineStage>> ListStagesAsync(CancellationToken cancellationToken);

    /// <summary>These leads, tracked (ids that are unknown or someone else's are left out).</summary>
    Task<IReadOnlyList<Lead>> GetLeadsAsync(IReadOnlyCollection<long> leadIds, CancellationToken cancellationToken);

    /// <summary>The stage key each of these leads has in the store now (read fresh, not tracked).</summary>
    Task<IReadOnlyDictionary<long, string>> CurrentStageKeysAsync(IReadOnlyCollection<long> leadIds, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the unit of work in one transaction, first moving each lead of <paramref name="moves"/> in the store only if it
    /// is still in the stage it was loaded in (<c>FromKey</c>): of two moves of one lead at once, one commits. Nothing is
    /// stored when a lead moved meanwhile, or when another request stored or added the same stages at the same moment.
    /// </summary>
    Task<StageSaveOutcome> SaveAsync(IReadOnlyCollection<(long LeadId, string FromKey, string ToKey)> moves, CancellationToken cancellationToken);

    Task<bool> LeadExistsAsync(long leadId, CancellationToken cancellationToken);

    /// <summary>The lead's stage history, newest first: at most <paramref name="take"/> rows, those before the row <paramref name="before"/> when given.</summary>
    Task<IReadOnlyList<LeadStageChange>> HistoryAsync(long leadId, long? before, int take, CancellationToken cancellationToken);

    /// <summary>The lead's notes, newest first: at most <paramref name="take"/> rows, those before the note <paramref name="before"/> when given.</summary>
    Task<IReadOnlyList<LeadNote>> NotesAsync(long leadId, long? before, int take, CancellationToken cancellationToken);

    void Add(PipelineStage stage);

    void Add(LeadNote note);
}
