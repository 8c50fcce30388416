using LeadOps.Application.Common.Events;
using LeadOps.Domain.Conversations.Events;

namespace LeadOps.Application.Outgoing;

/// <summary>Once an escalation is saved, the owner's open LeadOps pages show a browser notification (ADR 0024).</summary>
internal sealed class EscalationNotificationHandler(IStaffNotifier notifier) : IDomainEventHandler
{
    public async ValueTask OnCommittedAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent is ConversationEscalated { Changed: true } escalated)
        {
            var c = escalated.Conversation;
            var body = escalated.Reason is { Length: > 0 } reason ? $"{c.CustomerLabel}: {reason}" : c.CustomerLabel;
            await notifier.NotifyAsync(c.OwnerId, new StaffNotification("A conversation needs a person", body, $"/Inbox/Conversation/{c.Id}"), cancellationToken);
        }
    }
}
