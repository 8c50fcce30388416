using LeadOps.Application.Leads.Conversions;

namespace LeadOps.Application.Integrations.Commands;

/// <summary>Removes the integration's dataset link (and its stored token): stage changes are no longer sent to Meta.</summary>
public sealed record UnlinkConversionsDataset(int IntegrationId) : ICommand<Result<bool>>;

internal sealed class UnlinkConversionsDatasetHandler(IConversionsRepository conversions, IUnitOfWork unitOfWork) : ICommandHandler<UnlinkConversionsDataset, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(UnlinkConversionsDataset command, CancellationToken cancellationToken)
    {
        var link = await conversions.GetLinkAsync(command.IntegrationId, cancellationToken);
        if (link is null)
        {
            return Result<bool>.NotFound("No dataset is linked to this integration");
        }

        conversions.Remove(link);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<bool>.Ok(true);
    }
}
