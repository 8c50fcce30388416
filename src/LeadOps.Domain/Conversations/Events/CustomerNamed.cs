namespace LeadOps.Domain.Conversations.Events;

/// <summary>Meta gave the customer's name, or a different one than before (it becomes searchable).</summary>
public sealed record CustomerNamed(Conversation Conversation, string Name) : ConversationEvent(Conversation);
