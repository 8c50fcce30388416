namespace LeadOps.Application.Integrations.Queries;

/// <summary>Integrations that need attention (Needs reconnect, Missing permission, Expires on D): the Leads and Inbox banner.</summary>
public sealed record GetIntegrationAlerts : IQuery<IReadOnlyList<IntegrationView>>;

internal sealed class GetIntegrationAlertsHandler(IIntegrationRepository integrations, TimeProvider clock)
    : IQueryHandler<GetIntegrationAlerts, IReadOnlyList<IntegrationView>>
{
    public async ValueTask<IReadOnlyList<IntegrationView>> Handle(GetIntegrationAlerts query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return [.. (await integrations.ListAsync(cancellationToken)).Select(i => IntegrationView.From(i, now)).Where(v => v.NeedsAttention)];
    }
}
