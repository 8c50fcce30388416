namespace LeadOps.Application.Integrations.Queries;

public sealed record ListIntegrations : IQuery<IReadOnlyList<IntegrationView>>;

public sealed record GetIntegration(int IntegrationId) : IQuery<Result<IntegrationView>>;

/// <summary>Integrations that need attention (Needs reconnect, Missing permission, Expires on D): the Leads and Inbox banner.</summary>
public sealed record GetIntegrationAlerts : IQuery<IReadOnlyList<IntegrationView>>;

internal sealed class IntegrationQueryHandlers(IIntegrationRepository integrations, TimeProvider clock)
    : IQueryHandler<ListIntegrations, IReadOnlyList<IntegrationView>>,
      IQueryHandler<GetIntegration, Result<IntegrationView>>,
      IQueryHandler<GetIntegrationAlerts, IReadOnlyList<IntegrationView>>
{
    public async ValueTask<IReadOnlyList<IntegrationView>> Handle(ListIntegrations query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return [.. (await integrations.ListAsync(cancellationToken)).Select(i => IntegrationView.From(i, now))];
    }

    public async ValueTask<Result<IntegrationView>> Handle(GetIntegration query, CancellationToken cancellationToken)
    {
        var integration = await integrations.GetAsync(query.IntegrationId, cancellationToken);
        return integration is null
            ? Result<IntegrationView>.NotFound("Integration not found")
            : Result<IntegrationView>.Ok(IntegrationView.From(integration, clock.GetUtcNow()));
    }

    public async ValueTask<IReadOnlyList<IntegrationView>> Handle(GetIntegrationAlerts query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return [.. (await integrations.ListAsync(cancellationToken))
            .Select(i => IntegrationView.From(i, now))
            .Where(v => v.NeedsAttention)];
    }
}
