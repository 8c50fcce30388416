namespace LeadOps.Application.Integrations.Commands;

/// <summary>Deletes an integration with its forms; its leads and conversations stay.</summary>
public sealed record DeleteIntegration(int IntegrationId) : ICommand<Result<int>>;

internal sealed class DeleteIntegrationHandler(IIntegrationRepository integrations, IUnitOfWork unitOfWork)
    : ICommandHandler<DeleteIntegration, Result<int>>
{
    public async ValueTask<Result<int>> Handle(DeleteIntegration command, CancellationToken cancellationToken)
    {
        var integration = await integrations.GetAsync(command.IntegrationId, cancellationToken);
        if (integration is null)
        {
            return Result<int>.NotFound(IntegrationSettings.IntegrationNotFound);
        }

        integration.RecordStaffChange(IntegrationChanged.Delete);
        integrations.Remove(integration);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<int>.Ok(command.IntegrationId);
    }
}
