namespace LeadOps.Domain.Conversations.Events;

/// <summary>Marked resolved.</summary>
public sealed record ConversationResolved(Conversation Conversation, bool Changed) : ConversationActionEvent(Conversation, Changed);
