namespace LeadOps.Application.Outgoing.Queries;

/// <summary>The user's webhook endpoints, each with its last 20 attempts.</summary>
public sealed record ListWebhookEndpoints : IQuery<IReadOnlyList<WebhookEndpointView>>;

internal sealed class ListWebhookEndpointsHandler(IOutgoingWebhookStore store) : IQueryHandler<ListWebhookEndpoints, IReadOnlyList<WebhookEndpointView>>
{
    public async ValueTask<IReadOnlyList<WebhookEndpointView>> Handle(ListWebhookEndpoints query, CancellationToken cancellationToken) =>
        await store.ListAsync(20, cancellationToken);
}
