namespace LeadOps.Application.Outgoing.Commands;

/// <summary>Removes an endpoint with its deliveries and log.</summary>
public sealed record DeleteWebhookEndpoint(int Id) : ICommand<Result<bool>>;

internal sealed class DeleteWebhookEndpointHandler(IOutgoingWebhookStore store, IUnitOfWork unitOfWork) : ICommandHandler<DeleteWebhookEndpoint, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(DeleteWebhookEndpoint command, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(command.Id, cancellationToken) is not { } endpoint)
        {
            return Result<bool>.NotFound("No such webhook endpoint.");
        }

        store.Remove(endpoint);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<bool>.Ok(true);
    }
}
