namespace LeadOps.Domain.Conversations.Events;

/// <summary>A failed reply was claimed for another attempt: it is Sending again.</summary>
public sealed record ReplyRetryStarted(Conversation Conversation, MessengerMessage Message) : ConversationEvent(Conversation);
