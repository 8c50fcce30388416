namespace LeadOps.Application.Integrations.Queries;

/// <summary>The acting user's integrations, by name, each with its state and forms.</summary>
public sealed record ListIntegrations : IQuery<IReadOnlyList<IntegrationView>>;

internal sealed class ListIntegrationsHandler(IIntegrationRepository integrations, TimeProvider clock)
    : IQueryHandler<ListIntegrations, IReadOnlyList<IntegrationView>>
{
    public async ValueTask<IReadOnlyList<IntegrationView>> Handle(ListIntegrations query, CancellationToken cancellationToken) =>
        await integrations.ListViewsAsync(clock.GetUtcNow(), cancellationToken);
}
