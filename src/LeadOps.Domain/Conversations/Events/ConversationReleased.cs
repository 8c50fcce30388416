namespace LeadOps.Domain.Conversations.Events;

/// <summary>Given back to the bot.</summary>
public sealed record ConversationReleased(Conversation Conversation, bool Changed) : ConversationActionEvent(Conversation, Changed);
