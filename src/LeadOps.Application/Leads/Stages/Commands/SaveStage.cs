using LeadOps.Domain.Leads.Stages;

namespace LeadOps.Application.Leads.Stages.Commands;

/// <summary>
/// Adds a stage at the end (<paramref name="Key"/> null) or renames one, with the <c>event_name</c> Meta is told
/// instead of its name, if any. Answers the stage's key.
/// </summary>
public sealed record SaveStage(string? Key, string Name, string? MetaEventName = null) : ICommand<Result<string>>;

public sealed class SaveStageValidator : AbstractValidator<SaveStage>
{
    public SaveStageValidator()
    {
        RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Name the stage.")
            .MaximumLength(PipelineStage.NameLength).WithMessage($"A stage name can have at most {PipelineStage.NameLength} characters.");
        RuleFor(c => c.MetaEventName).MaximumLength(PipelineStage.NameLength)
            .WithMessage($"An event name can have at most {PipelineStage.NameLength} characters.");
    }
}

internal sealed class SaveStageHandler(IStageRepository stages) : ICommandHandler<SaveStage, Result<string>>
{
    public async ValueTask<Result<string>> Handle(SaveStage command, CancellationToken cancellationToken)
    {
        var all = await stages.GetOrCreateStagesAsync(cancellationToken);
        var name = command.Name.Trim();
        if (all.Any(s => s.Key != command.Key && string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return Result<string>.Invalid("Stage names must differ", $"There is already a stage named '{name}'.");
        }

        PipelineStage stage;
        if (command.Key is null)
        {
            if (all.Count >= PipelineStage.MaxStages)
            {
                return Result<string>.Invalid("Too many stages", $"Keep at most {PipelineStage.MaxStages} stages.");
            }

            stage = PipelineStage.Create(NewKey(all), name, all.Max(s => s.Position) + 1, command.MetaEventName);
            stages.Add(stage);
        }
        else
        {
            if (all.FirstOrDefault(s => s.Key == command.Key) is not { } found)
            {
                return Result<string>.NotFound("Stage not found");
            }

            stage = found;
            stage.Rename(name, command.MetaEventName);
        }

        return await stages.SaveAsync([], cancellationToken) == StageSaveOutcome.Saved
            ? Result<string>.Ok(stage.Key)
            : Result<string>.Conflict("Stages changed meanwhile", StageNames.TryAgain);
    }

    private static string NewKey(IReadOnlyList<PipelineStage> all)
    {
        for (var n = all.Count + 1; ; n++)
        {
            var key = $"stage-{n}";
            if (all.All(s => s.Key != key))
            {
                return key;
            }
        }
    }
}
