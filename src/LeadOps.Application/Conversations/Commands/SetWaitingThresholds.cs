namespace LeadOps.Application.Conversations.Commands;

/// <summary>The acting user's own thresholds: after how many minutes a waiting customer turns amber, then red.</summary>
public sealed record SetWaitingThresholds(int AmberMinutes, int RedMinutes) : ICommand<Result<WaitingThresholds>>;

public sealed class SetWaitingThresholdsValidator : AbstractValidator<SetWaitingThresholds>
{
    public SetWaitingThresholdsValidator()
    {
        RuleFor(c => c.AmberMinutes).InclusiveBetween(1, WaitingThresholds.MaxMinutes - 1)
            .WithMessage($"Amber must be between 1 and {WaitingThresholds.MaxMinutes - 1} minutes.");
        RuleFor(c => c.RedMinutes).InclusiveBetween(2, WaitingThresholds.MaxMinutes)
            .WithMessage($"Red must be between 2 and {WaitingThresholds.MaxMinutes} minutes.");
        RuleFor(c => c.RedMinutes).GreaterThan(c => c.AmberMinutes).WithMessage("Red must come after amber.");
    }
}

internal sealed class SetWaitingThresholdsHandler(IInboxSettings settings, IUnitOfWork unitOfWork)
    : ICommandHandler<SetWaitingThresholds, Result<WaitingThresholds>>
{
    public async ValueTask<Result<WaitingThresholds>> Handle(SetWaitingThresholds command, CancellationToken cancellationToken)
    {
        var preferences = await settings.GetOrAddPreferencesAsync(cancellationToken);
        if (!preferences.SetThresholds(command.AmberMinutes, command.RedMinutes))
        {
            return Result<WaitingThresholds>.Invalid("Red must come after amber, both within a week.");
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<WaitingThresholds>.Ok(preferences.Thresholds);
    }
}
