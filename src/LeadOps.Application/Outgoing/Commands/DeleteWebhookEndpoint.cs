using LeadOps.Domain.Outgoing;

namespace LeadOps.Application.Outgoing.Commands;

/// <summary>Removes an endpoint with its deliveries and log.</summary>
public sealed record DeleteWebhookEndpoint(int Id) : IWebhookEndpointCommand<bool>;

internal sealed class DeleteWebhookEndpointHandler(IOutgoingWebhookStore store, IUnitOfWork unitOfWork)
    : WebhookEndpointHandlerBase<DeleteWebhookEndpoint, bool>(store, unitOfWork)
{
    protected override Task<bool> ActAsync(DeleteWebhookEndpoint command, WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        Store.Remove(endpoint);
        return Task.FromResult(true);
    }
}
