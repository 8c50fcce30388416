namespace LeadOps.Application.Leads.Queries;

/// <summary>
/// Per integration: last webhook, and of the leads first seen in the last 7 and 30 days that were created after the
/// page's leadgen subscription was confirmed, how many retrieval found first (the webhook miss rate; history a backfill
/// finds is no miss). Warns when that is above zero, when no webhook came for a day while retrieval found leads, and
/// when the subscription is missing or the app may not read the page's leads.
/// </summary>
public sealed record GetWebhookHealth : IQuery<IReadOnlyList<WebhookHealth>>;

internal sealed class GetWebhookHealthHandler(ILeadQueries leads, IIntegrationRepository integrations, TimeProvider clock)
    : IQueryHandler<GetWebhookHealth, IReadOnlyList<WebhookHealth>>
{
    public async ValueTask<IReadOnlyList<WebhookHealth>> Handle(GetWebhookHealth query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var counts = await leads.CountBySourceAsync(now, cancellationToken);
        var result = new List<WebhookHealth>();
        foreach (var integration in await integrations.ListAsync(cancellationToken))
        {
            var mine = counts.Where(c => c.IntegrationId == integration.Id).ToList();
            var byRetrieval = mine.Where(c => c.Source != LeadSource.Webhook).ToList();
            var leads7 = mine.Sum(c => c.Last7Days);
            var retrieval7 = byRetrieval.Sum(c => c.Last7Days);
            var warnings = new List<string>();
            if (retrieval7 > 0)
            {
                warnings.Add($"The webhook missed {retrieval7} of {leads7} leads in the last 7 days; retrieval found them.");
            }

            if (byRetrieval.Sum(c => c.LastDay) > 0 && (integration.LastWebhookAt is null || integration.LastWebhookAt < now.AddDays(-1)))
            {
                warnings.Add("No webhook arrived in the last day while retrieval found leads: check the page's webhook subscription.");
            }

            if (integration.LeadgenSubscribed == false)
            {
                warnings.Add("The page's leadgen webhook subscription is missing: LeadOps syncs its forms every minute until it is back.");
            }

            if (integration.HasLeadAccess == false)
            {
                warnings.Add("Facebook does not let this app read the page's leads (Leads Access): see the integration's page for the fix.");
            }

            result.Add(new WebhookHealth(integration.Id, integration.Name, integration.LastWebhookAt, leads7, retrieval7, mine.Sum(c => c.Last30Days), byRetrieval.Sum(c => c.Last30Days), warnings));
        }

        return result;
    }
}
