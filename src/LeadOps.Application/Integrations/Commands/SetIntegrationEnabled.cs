namespace LeadOps.Application.Integrations.Commands;

/// <summary>Turns an integration off (no syncs, webhooks ignored, no replies) or back on.</summary>
public sealed record SetIntegrationEnabled(int IntegrationId, bool Enabled) : ICommand<Result<IntegrationView>>;

internal sealed class SetIntegrationEnabledHandler(IntegrationAccess access) : ICommandHandler<SetIntegrationEnabled, Result<IntegrationView>>
{
    public async ValueTask<Result<IntegrationView>> Handle(SetIntegrationEnabled command, CancellationToken cancellationToken) =>
        await access.ChangeAsync(command.IntegrationId, i =>
        {
            i.SetEnabled(command.Enabled);
            i.RecordStaffChange(command.Enabled ? IntegrationChanged.Enable : IntegrationChanged.Disable);
            return true;
        }, cancellationToken);
}
