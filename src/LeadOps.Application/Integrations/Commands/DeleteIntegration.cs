namespace LeadOps.Application.Integrations.Commands;

/// <summary>Deletes an integration with its forms; its leads and conversations stay.</summary>
public sealed record DeleteIntegration(int IntegrationId) : IIntegrationCommand<int>;

internal sealed class DeleteIntegrationHandler(IntegrationAccess access, IIntegrationRepository integrations)
    : IntegrationHandlerBase<DeleteIntegration, int>(access)
{
    protected override async Task<Result<int>> HandleAsync(DeleteIntegration command, Integration integration, CancellationToken cancellationToken)
    {
        integration.RecordStaffChange(IntegrationChanged.Delete);
        integrations.Remove(integration);
        await Access.SaveAsync(cancellationToken);
        return Result<int>.Ok(command.IntegrationId);
    }
}
