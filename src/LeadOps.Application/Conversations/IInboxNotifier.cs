namespace LeadOps.Application.Conversations;

public enum InboxChangeKind
{
    /// <summary>A customer wrote.</summary>
    MessageReceived,

    /// <summary>A message was sent (by staff, the bot or Meta's inbox) or failed.</summary>
    MessageSent,

    /// <summary>A message's status moved (delivered, read, failed, retried).</summary>
    MessageStatusChanged,

    /// <summary>State or assignment changed (escalated, taken, released, resolved).</summary>
    ConversationChanged,
}

/// <summary>What changed in whose Inbox. Carries ids only, never message text.</summary>
public sealed record InboxChange(string OwnerId, Guid ConversationId, InboxChangeKind Kind, long? MessageId = null);

/// <summary>Tells the owner's open Inbox pages that something changed (after it was saved).</summary>
public interface IInboxNotifier
{
    Task NotifyAsync(InboxChange change, CancellationToken cancellationToken);
}
