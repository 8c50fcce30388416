namespace LeadOps.Domain.Conversations.Events;

/// <summary>A stored message changed: the customer edited it, or reacted to it (or took the reaction back).</summary>
public sealed record MessageChanged(Conversation Conversation, MessengerMessage Message) : ConversationEvent(Conversation);
