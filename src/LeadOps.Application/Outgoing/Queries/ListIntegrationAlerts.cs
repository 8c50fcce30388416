namespace LeadOps.Application.Outgoing.Queries;

/// <summary>The alert settings of each of the user's integrations.</summary>
public sealed record ListIntegrationAlerts : IQuery<IReadOnlyList<IntegrationAlertsView>>;

internal sealed class ListIntegrationAlertsHandler(IOutgoingWebhookStore store) : IQueryHandler<ListIntegrationAlerts, IReadOnlyList<IntegrationAlertsView>>
{
    public async ValueTask<IReadOnlyList<IntegrationAlertsView>> Handle(ListIntegrationAlerts query, CancellationToken cancellationToken) =>
        await store.ListAlertSettingsAsync(cancellationToken);
}
