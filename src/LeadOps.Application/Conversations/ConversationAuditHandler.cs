using LeadOps.Application.Common.Events;

namespace LeadOps.Application.Conversations;

/// <summary>Writes the audit row of each conversation event (<see cref="ConversationAudit"/>) in the same save as the change.</summary>
internal sealed class ConversationAuditHandler : IDomainEventHandler
{
    public IEnumerable<object> OnSaving(IDomainEvent domainEvent, SaveContext save) =>
        ConversationAudit.For(domainEvent) is { } record ? [record.ToEntry(save)] : [];
}
