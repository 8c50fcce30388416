namespace LeadOps.Application.Leads.Stages.Commands;

/// <summary>
/// Moves one lead (from its page) or several (in bulk from the list) to a stage. Each lead that moves gets a history
/// row and, with a Facebook lead id, a Conversions API event, in the same save; a lead already there is left alone.
/// Answers how many leads moved; leads that are unknown or someone else's are not found.
/// </summary>
public sealed record ChangeLeadStage(IReadOnlyList<long> LeadIds, string StageKey) : ICommand<Result<int>>;

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

internal sealed class ChangeLeadStageHandler(IStageRepository stages, ICurrentUser user, IUnitOfWork unitOfWork, TimeProvider clock)
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

        var now = clock.GetUtcNow();
        var moved = leads.Count(lead => lead.ChangeStage(to, all.FirstOrDefault(s => s.Key == lead.StageKey), user.RequiredUserId, now));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<int>.Ok(moved);
    }
}
