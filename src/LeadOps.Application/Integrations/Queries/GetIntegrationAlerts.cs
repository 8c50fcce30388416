namespace LeadOps.Application.Integrations.Queries;

/// <summary>Integrations that need attention (Needs reconnect, Missing permission, Expires on D): the Leads and Inbox banner.</summary>
public sealed record GetIntegrationAlerts : IQuery<IReadOnlyList<IntegrationView>>;

internal sealed class GetIntegrationAlertsHandler(IIntegrationRepository integrations, TimeProvider clock)
    : IQueryHandler<GetIntegrationAlerts, IReadOnlyList<IntegrationView>>
{
    public async ValueTask<IReadOnlyList<IntegrationView>> Handle(GetIntegrationAlerts query, CancellationToken cancellationToken) =>
        [.. (await integrations.ListViewsAsync(clock.GetUtcNow(), cancellationToken)).Where(v => v.NeedsAttention)];
}
