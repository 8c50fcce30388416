namespace LeadOps.Domain.Conversations.Events;

/// <summary>A staff member took the conversation (Human active, assigned to them).</summary>
public sealed record ConversationTaken(Conversation Conversation, bool Changed) : ConversationActionEvent(Conversation, Changed);
