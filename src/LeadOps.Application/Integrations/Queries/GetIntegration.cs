namespace LeadOps.Application.Integrations.Queries;

/// <summary>One of the acting user's integrations with its state and forms.</summary>
public sealed record GetIntegration(int IntegrationId) : IQuery<Result<IntegrationView>>;

internal sealed class GetIntegrationHandler(IIntegrationRepository integrations, TimeProvider clock)
    : IQueryHandler<GetIntegration, Result<IntegrationView>>
{
    public async ValueTask<Result<IntegrationView>> Handle(GetIntegration query, CancellationToken cancellationToken)
    {
        var integration = await integrations.GetAsync(query.IntegrationId, cancellationToken);
        return integration is null
            ? Result<IntegrationView>.NotFound(IntegrationSettings.IntegrationNotFound)
            : Result<IntegrationView>.Ok(IntegrationView.From(integration, clock.GetUtcNow()));
    }
}
