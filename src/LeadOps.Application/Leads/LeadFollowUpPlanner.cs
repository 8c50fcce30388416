using LeadOps.Application.Leads.Conversions;
using LeadOps.Application.Outgoing;
using LeadOps.Domain.Outgoing;

namespace LeadOps.Application.Leads;

/// <summary>
/// Which follow-ups the new leads of an integration get (<see cref="LeadFollowUps"/>), read from the owner's settings
/// when the leads are stored: two small queries per Graph page or webhook lead, never one per lead.
/// </summary>
internal sealed class LeadFollowUpPlanner(IConversionsRepository conversions, IOutgoingWebhookStore webhooks)
{
    public async Task<LeadFollowUps> ForAsync(Integration integration, CancellationToken cancellationToken)
    {
        var reports = await conversions.GetLinkAsync(integration.Id, cancellationToken) is not null;
        var announces = integration.LeadAlerts != LeadAlertMode.None || await webhooks.AnyReceivesAsync(OutgoingEventNames.LeadCreated, cancellationToken);
        return new LeadFollowUps(reports, announces);
    }
}
