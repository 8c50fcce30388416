namespace LeadOps.Domain.Conversations.Events;

/// <summary>Something that happened to a conversation; the Inbox is told of most of them once they are saved.</summary>
public abstract record ConversationEvent(Conversation Conversation) : IDomainEvent;
