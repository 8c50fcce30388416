namespace LeadOps.Application.Conversations;

/// <summary>Tells the owner's open Inbox pages that something changed (after it was saved).</summary>
public interface IInboxNotifier
{
    Task NotifyAsync(InboxChange change, CancellationToken cancellationToken);
}
