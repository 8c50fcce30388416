namespace LeadOps.Application.Leads.Stages.Commands;

/// <summary>Moves a stage one place up or down the order; the entry stage stays first.</summary>
public sealed record MoveStage(string Key, bool Up) : ICommand<Result<string>>;

internal sealed class MoveStageHandler(IStageRepository stages) : ICommandHandler<MoveStage, Result<string>>
{
    public async ValueTask<Result<string>> Handle(MoveStage command, CancellationToken cancellationToken)
    {
        var all = (await stages.GetOrCreateStagesAsync(cancellationToken)).ToList();
        var index = all.FindIndex(s => s.Key == command.Key);
        if (index < 0)
        {
            return Result<string>.NotFound("Stage not found");
        }

        var other = command.Up ? index - 1 : index + 1;
        if (all[index].IsEntry || other < 1 || other >= all.Count)
        {
            return Result<string>.Invalid("The stage cannot move that way", "New leads enter the first stage: it stays first.");
        }

        (all[index], all[other]) = (all[other], all[index]);
        for (var i = 0; i < all.Count; i++)
        {
            all[i].MoveTo(i);
        }

        return await stages.SaveAsync([], cancellationToken) == StageSaveOutcome.Saved
            ? Result<string>.Ok(command.Key)
            : Result<string>.Conflict("Stages changed meanwhile", StageNames.TryAgain);
    }
}
