using LeadOps.Domain.Outgoing;

namespace LeadOps.Application.Outgoing.Commands;

/// <summary>Queues a sample event (a made-up lead, <c>"test": true</c>) for one endpoint; its outcome shows in the log.</summary>
public sealed record SendTestWebhook(int Id) : IWebhookEndpointCommand<Guid>;

internal sealed class SendTestWebhookHandler(IOutgoingWebhookStore store, IUnitOfWork unitOfWork, TimeProvider clock)
    : WebhookEndpointHandlerBase<SendTestWebhook, Guid>(store, unitOfWork)
{
    protected override Task<Guid> ActAsync(SendTestWebhook command, WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var body = WebhookBody.Sample(now);
        Store.AddDelivery(OutgoingDelivery.For(endpoint.Id, body.Id, OutgoingEventNames.Test, body.Serialize(), now));
        return Task.FromResult(body.Id);
    }
}
