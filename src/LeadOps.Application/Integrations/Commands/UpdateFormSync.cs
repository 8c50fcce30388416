namespace LeadOps.Application.Integrations.Commands;

/// <summary>Whether one of the page's lead forms is synced on a schedule, and how often.</summary>
public sealed record UpdateFormSync(int IntegrationId, string FormId, bool Enabled, int IntervalMinutes) : ICommand<Result<IntegrationView>>;

public sealed class UpdateFormSyncValidator : AbstractValidator<UpdateFormSync>
{
    public UpdateFormSyncValidator() =>
        RuleFor(c => c.IntervalMinutes).Must(IntegrationForm.SyncIntervals.Contains)
            .WithMessage($"Choose one of: {string.Join(", ", IntegrationForm.SyncIntervals)} minutes.");
}

internal sealed class UpdateFormSyncHandler(IntegrationSettings settings) : ICommandHandler<UpdateFormSync, Result<IntegrationView>>
{
    public async ValueTask<Result<IntegrationView>> Handle(UpdateFormSync command, CancellationToken cancellationToken) =>
        await settings.ChangeAsync(command.IntegrationId, i =>
        {
            var form = i.Forms.FirstOrDefault(f => f.FormId == command.FormId);
            form?.ScheduleSync(command.Enabled, command.IntervalMinutes);
            return form is not null;
        }, cancellationToken, notFound: "Lead form not found");
}
