using LeadOps.Domain.Leads.Stages;

namespace LeadOps.Application.Leads.Stages.Commands;

/// <summary>
/// Moves one lead (from its page) or several (in bulk from the list) to a stage. Each lead that moves gets a history
/// row and, with a Facebook lead id, a Conversions API event, in the same save; a lead already there is left alone.
/// Answers how many leads moved; leads that are unknown or someone else's are not found. <paramref name="FromStageKey"/>
/// is the stage the user saw the lead in (the lead's page sends it): a lead no longer there is not moved, and the user is
/// told where it is now. Without it, a lead moved by someone else between loading and saving is refused the same way:
/// of two moves of one lead at once, exactly one is stored (and reaches Meta and the outgoing webhooks).
/// </summary>
public sealed record ChangeLeadStage(IReadOnlyList<long> LeadIds, string StageKey, string? FromStageKey = null) : ICommand<Result<int>>;

public sealed class ChangeLeadStageValidator : AbstractValidator<ChangeLeadStage>
{
    public const int MaxLeads = 500;

    public ChangeLeadStageValidator()
    {
        RuleFor(c => c.LeadIds).NotEmpty().WithMessage("Choose at least one lead.")
            .Must(ids => ids.Count <= MaxLeads).WithMessage($"Move at most {MaxLeads} leads at once.");
        RuleFor(c => c.StageKey).NotEmpty().WithMessage("Choose a stage.").MaximumLength(Domain.Leads.Stages.PipelineStage.KeyLength);
    }
}

internal sealed class ChangeLeadStageHandler(IStageRepository stages, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ChangeLeadStage, Result<int>>
{
    public async ValueTask<Result<int>> Handle(ChangeLeadStage command, CancellationToken cancellationToken)
    {
        var all = await stages.GetOrCreateStagesAsync(cancellationToken);
        var to = all.FirstOrDefault(s => s.Key == command.StageKey);
        if (to is null)
        {
            return Result<int>.Invalid("Unknown stage", $"There is no stage '{command.StageKey}'.");
        }

        var ids = command.LeadIds.Distinct().ToList();
        var leads = await stages.GetLeadsAsync(ids, cancellationToken);
        if (leads.Count != ids.Count)
        {
            return Result<int>.NotFound(ids.Count == 1 ? "Lead not found" : "Some of these leads were not found");
        }

        if (command.FromStageKey is { Length: > 0 } seen && leads.FirstOrDefault(l => l.StageKey != seen) is { } elsewhere)
        {
            return MovedMeanwhile(all, ids.Count, elsewhere.StageKey);
        }

        var now = clock.GetUtcNow();
        var moves = leads.Where(l => l.StageKey != to.Key).Select(l => (Id: l.Id, From: l.StageKey, To: to.Key)).ToList();
        foreach (var lead in leads)
        {
            lead.ChangeStage(to, all.FirstOrDefault(s => s.Key == lead.StageKey), user.RequiredUserId, now);
        }

        return await stages.SaveAsync(moves, cancellationToken) switch
        {
            StageSaveOutcome.Saved => Result<int>.Ok(moves.Count),
            StageSaveOutcome.LeadMovedMeanwhile => MovedMeanwhile(all, ids.Count, await WhereNowAsync(moves, cancellationToken)),
            _ => Result<int>.Conflict("Stages changed meanwhile", StageNames.TryAgain),
        };
    }

    /// <summary>The stage of the first of the moved leads that is no longer where it was loaded.</summary>
    private async Task<string?> WhereNowAsync(List<(long Id, string From, string To)> moves, CancellationToken cancellationToken)
    {
        var current = await stages.CurrentStageKeysAsync([.. moves.Select(m => m.Id)], cancellationToken);
        return moves.Select(m => current.GetValueOrDefault(m.Id)).Where((key, i) => key != moves[i].From).FirstOrDefault();
    }

    private static Result<int> MovedMeanwhile(IReadOnlyList<PipelineStage> all, int count, string? nowKey)
    {
        var where = all.FirstOrDefault(s => s.Key == nowKey)?.Name ?? "another stage";
        return Result<int>.Conflict("Moved meanwhile", count == 1
            ? $"This lead was moved to {where} meanwhile: nothing was changed. Look at it again and move it if you still want to."
            : $"A lead was moved to {where} meanwhile: nothing was changed. Look at the leads again and move them if you still want to.");
    }
}
