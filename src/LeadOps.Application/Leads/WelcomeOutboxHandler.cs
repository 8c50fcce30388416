using LeadOps.Application.Common.Events;
using LeadOps.Domain.Leads.Events;

namespace LeadOps.Application.Leads;

/// <summary>Writes a new lead's welcome outbox row (due now, or skipped with its reason) in the same save as the lead (ADR 0008).</summary>
internal sealed class WelcomeOutboxHandler : IDomainEventHandler
{
    public IEnumerable<object> OnSaving(IDomainEvent domainEvent, SaveContext save) =>
        domainEvent is LeadCreated created ? [OutboxMessage.WelcomeFor(created.Lead, save.Now)] : [];
}
