namespace LeadOps.Application.Integrations.Commands;

/// <summary>Subscribes the app to the page's leadgen and messages webhooks.</summary>
public sealed record SubscribeWebhooks(int IntegrationId) : IIntegrationCommand<IntegrationView>;

internal sealed class SubscribeWebhooksHandler(IntegrationAccess access, IFacebookPageGateway graph)
    : IntegrationHandlerBase<SubscribeWebhooks, IntegrationView>(access)
{
    protected override async Task<Result<IntegrationView>> HandleAsync(SubscribeWebhooks command, Integration integration, CancellationToken cancellationToken)
    {
        var failure = await Access.CallGraphAsync(integration, async credentials =>
        {
            await graph.SubscribeAsync(credentials, IntegrationChecker.WebhookFields, cancellationToken);
            var fields = await graph.GetSubscribedFieldsAsync(credentials, cancellationToken);
            integration.RecordSubscription(IntegrationChecker.WebhookFields.All(fields.Contains));
            integration.RecordLeadgenSubscription(fields.Contains("leadgen"), Access.Now, null);
        });
        return await Access.SaveAsync(integration, Access.Now, cancellationToken, failure, "Could not subscribe the page's webhooks");
    }
}
