namespace LeadOps.Application.Conversations;

public enum InboxChangeKind
{
    /// <summary>A customer wrote.</summary>
    MessageReceived,

    /// <summary>A message was sent (by staff, the bot or Meta's inbox) or failed.</summary>
    MessageSent,

    /// <summary>A message's status moved (delivered, read, failed, retried).</summary>
    MessageStatusChanged,

    /// <summary>State or assignment changed (escalated, taken, released, resolved, answered in Meta Business Suite), or the header or a note did.</summary>
    ConversationChanged,

    /// <summary>A stored message changed: the customer edited it or reacted to it.</summary>
    MessageChanged,
}
