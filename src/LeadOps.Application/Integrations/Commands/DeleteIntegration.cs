namespace LeadOps.Application.Integrations.Commands;

/// <summary>Deletes an integration with its forms; its leads and conversations stay.</summary>
public sealed record DeleteIntegration(int IntegrationId) : ICommand<Result<int>>;

internal sealed class DeleteIntegrationHandler(IntegrationAccess access, IIntegrationRepository integrations)
    : ICommandHandler<DeleteIntegration, Result<int>>
{
    public async ValueTask<Result<int>> Handle(DeleteIntegration command, CancellationToken cancellationToken) =>
        await access.WithAsync(command.IntegrationId, async integration =>
        {
            integration.RecordStaffChange(IntegrationChanged.Delete);
            integrations.Remove(integration);
            await access.SaveAsync(cancellationToken);
            return Result<int>.Ok(command.IntegrationId);
        }, cancellationToken);
}
