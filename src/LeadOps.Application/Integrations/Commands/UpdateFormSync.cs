namespace LeadOps.Application.Integrations.Commands;

/// <summary>Whether one of the page's lead forms is synced on the schedule (every form is, until staff switch it off).</summary>
public sealed record UpdateFormSync(int IntegrationId, string FormId, bool Enabled) : ICommand<Result<IntegrationView>>;

internal sealed class UpdateFormSyncHandler(IntegrationAccess access) : ICommandHandler<UpdateFormSync, Result<IntegrationView>>
{
    public async ValueTask<Result<IntegrationView>> Handle(UpdateFormSync command, CancellationToken cancellationToken) =>
        await access.ChangeFormAsync(command.IntegrationId, command.FormId, (integration, form) =>
        {
            form.ScheduleSync(command.Enabled);
            integration.RecordStaffChange(IntegrationChanged.Settings, $"form {command.FormId} scheduled sync {(command.Enabled ? "on" : "off")}");
        }, cancellationToken);
}
