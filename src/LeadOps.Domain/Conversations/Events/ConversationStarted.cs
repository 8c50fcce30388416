namespace LeadOps.Domain.Conversations.Events;

/// <summary>A conversation with a new customer began (its PSID becomes searchable).</summary>
public sealed record ConversationStarted(Conversation Conversation) : ConversationEvent(Conversation);
