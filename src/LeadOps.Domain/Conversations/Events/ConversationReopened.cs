namespace LeadOps.Domain.Conversations.Events;

/// <summary>Staff reopened a resolved conversation (it is theirs, Human active).</summary>
public sealed record ConversationReopened(Conversation Conversation, bool Changed) : ConversationActionEvent(Conversation, Changed);
