namespace LeadOps.Domain.Conversations.Events;

/// <summary>A staff member wrote a reply; it is stored as Sending (or as Failed when the window refused it).</summary>
public sealed record ReplyWritten(Conversation Conversation, MessengerMessage Message) : ConversationEvent(Conversation);
