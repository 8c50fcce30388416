namespace LeadOps.Domain.Conversations.Events;

/// <summary>
/// A staff member (or the bot) asked for a state change. Raised whether or not it changed anything:
/// <see cref="Changed"/> says which, and the audit trail records both.
/// </summary>
public abstract record ConversationActionEvent(Conversation Conversation, bool Changed) : ConversationEvent(Conversation);
