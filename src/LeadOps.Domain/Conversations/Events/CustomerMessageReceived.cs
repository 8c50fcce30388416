namespace LeadOps.Domain.Conversations.Events;

/// <summary>The customer wrote; <see cref="Message"/> is the new inbound message.</summary>
public sealed record CustomerMessageReceived(Conversation Conversation, MessengerMessage Message) : ConversationEvent(Conversation);
