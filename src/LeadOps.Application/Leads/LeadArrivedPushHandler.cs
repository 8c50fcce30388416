using LeadOps.Application.Common.Events;
using LeadOps.Domain.Leads.Events;

namespace LeadOps.Application.Leads;

/// <summary>Pushes each committed new lead to its owner's open Leads pages (ADR 0008: after the commit, never before).</summary>
internal sealed class LeadArrivedPushHandler(ILeadsNotifier notifier) : IDomainEventHandler
{
    public async ValueTask OnCommittedAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent is LeadArrived { Lead: var lead })
        {
            await notifier.LeadArrivedAsync(lead.OwnerId, lead.Id, cancellationToken);
        }
    }
}
