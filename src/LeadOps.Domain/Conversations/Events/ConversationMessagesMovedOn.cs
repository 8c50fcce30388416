namespace LeadOps.Domain.Conversations.Events;

/// <summary>
/// Messages of the conversation moved on in the store (a receipt, or an echo that gave a reply Meta's id); which ones
/// is not known here, so the Inbox reloads the thread.
/// </summary>
public sealed record ConversationMessagesMovedOn(Conversation Conversation) : ConversationEvent(Conversation);
