using LeadOps.Application.Common.Events;

namespace LeadOps.Application.Conversations;

/// <summary>Pushes each committed conversation change (<see cref="InboxPushes"/>) to the owner's open Inbox pages.</summary>
internal sealed class InboxPushHandler(IInboxNotifier notifier) : IDomainEventHandler
{
    public async ValueTask OnCommittedAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        if (InboxPushes.For(domainEvent) is { } change)
        {
            await notifier.NotifyAsync(change, cancellationToken);
        }
    }
}
