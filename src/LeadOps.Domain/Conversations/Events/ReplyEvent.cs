namespace LeadOps.Domain.Conversations.Events;

/// <summary>How an attempt to send a staff reply ended (refused, sent or failed).</summary>
public abstract record ReplyEvent(Conversation Conversation, MessengerMessage Message, ReplyAttempt Attempt) : ConversationEvent(Conversation);
