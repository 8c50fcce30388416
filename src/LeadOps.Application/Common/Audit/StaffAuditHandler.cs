using LeadOps.Application.Common.Events;

namespace LeadOps.Application.Common.Audit;

/// <summary>Writes the audit row of each staff action outside the Inbox (<see cref="StaffAudit"/>) in the same save as the change.</summary>
internal sealed class StaffAuditHandler : IDomainEventHandler
{
    public IEnumerable<object> OnSaving(IDomainEvent domainEvent, SaveContext save) =>
        StaffAudit.For(domainEvent) is { } record ? [record.ToEntry(save)] : [];
}
