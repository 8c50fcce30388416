namespace LeadOps.Application.Integrations.Commands;

/// <summary>Whether one of the page's lead forms is synced on the schedule (every form is, until staff switch it off).</summary>
public sealed record UpdateFormSync(int IntegrationId, string FormId, bool Enabled) : ICommand<Result<IntegrationView>>;

internal sealed class UpdateFormSyncHandler(IntegrationSettings settings) : ICommandHandler<UpdateFormSync, Result<IntegrationView>>
{
    public async ValueTask<Result<IntegrationView>> Handle(UpdateFormSync command, CancellationToken cancellationToken) =>
        await settings.ChangeAsync(command.IntegrationId, i =>
        {
            var form = i.Forms.FirstOrDefault(f => f.FormId == command.FormId);
            form?.ScheduleSync(command.Enabled);
            if (form is not null)
            {
                i.RecordStaffChange(IntegrationChanged.Settings, $"form {command.FormId} scheduled sync {(command.Enabled ? "on" : "off")}");
            }

            return form is not null;
        }, cancellationToken, notFound: "Lead form not found");
}
