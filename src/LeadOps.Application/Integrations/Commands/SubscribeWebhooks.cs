namespace LeadOps.Application.Integrations.Commands;

/// <summary>Subscribes the app to the page's leadgen and messages webhooks.</summary>
public sealed record SubscribeWebhooks(int IntegrationId) : ICommand<Result<IntegrationView>>;

internal sealed class SubscribeWebhooksHandler(IntegrationAccess access, IFacebookPageGateway graph)
    : ICommandHandler<SubscribeWebhooks, Result<IntegrationView>>
{
    public async ValueTask<Result<IntegrationView>> Handle(SubscribeWebhooks command, CancellationToken cancellationToken) =>
        await access.WithAsync(command.IntegrationId, async integration =>
        {
            var failure = await access.CallGraphAsync(integration, async credentials =>
            {
                await graph.SubscribeAsync(credentials, IntegrationChecker.WebhookFields, cancellationToken);
                var fields = await graph.GetSubscribedFieldsAsync(credentials, cancellationToken);
                integration.RecordSubscription(IntegrationChecker.WebhookFields.All(fields.Contains));
                integration.RecordLeadgenSubscription(fields.Contains("leadgen"), access.Now, null);
            });
            return await access.SaveAsync(integration, access.Now, cancellationToken, failure, "Could not subscribe the page's webhooks");
        }, cancellationToken);
}
