using LeadOps.Application.Common.Events;
using LeadOps.Domain.Leads.Events;

namespace LeadOps.Infrastructure.Conversions;

/// <summary>Once a stage entry (a new lead, a staff move) has committed, wakes this node's Conversions API worker.</summary>
internal sealed class ConversionsWakeHandler(ConversionsSignal signal) : IDomainEventHandler
{
    public ValueTask OnCommittedAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent is LeadCreated or LeadStageChanged)
        {
            signal.Wake();
        }

        return ValueTask.CompletedTask;
    }
}
