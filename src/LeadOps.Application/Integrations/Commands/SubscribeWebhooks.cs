namespace LeadOps.Application.Integrations.Commands;

/// <summary>Subscribes the app to the page's leadgen and messages webhooks.</summary>
public sealed record SubscribeWebhooks(int IntegrationId) : ICommand<Result<IntegrationView>>;

internal sealed class SubscribeWebhooksHandler(IIntegrationRepository integrations, IFacebookPageGateway graph, ITokenProtector protector, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<SubscribeWebhooks, Result<IntegrationView>>
{
    public async ValueTask<Result<IntegrationView>> Handle(SubscribeWebhooks command, CancellationToken cancellationToken)
    {
        var integration = await integrations.GetAsync(command.IntegrationId, cancellationToken);
        if (integration is null)
        {
            return Result<IntegrationView>.NotFound(IntegrationSettings.IntegrationNotFound);
        }

        var credentials = new GraphCredentials(integration.PageId, protector.Unprotect(integration.ProtectedToken));
        try
        {
            await graph.SubscribeAsync(credentials, IntegrationChecker.WebhookFields, cancellationToken);
            var fields = await graph.GetSubscribedFieldsAsync(credentials, cancellationToken);
            integration.RecordSubscription(IntegrationChecker.WebhookFields.All(fields.Contains));
            integration.RecordLeadgenSubscription(fields.Contains("leadgen"), clock.GetUtcNow(), null);
        }
        catch (GraphApiException ex)
        {
            integration.RecordFailure(ex.Failure);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return Result<IntegrationView>.Failed("Could not subscribe the page's webhooks", GraphFailureText.Describe(ex.Failure));
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<IntegrationView>.Ok(IntegrationView.From(integration, clock.GetUtcNow()));
    }
}
