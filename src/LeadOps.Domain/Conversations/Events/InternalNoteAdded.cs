namespace LeadOps.Domain.Conversations.Events;

/// <summary>A staff member wrote an internal note in the thread: kept in LeadOps, never sent to Meta.</summary>
public sealed record InternalNoteAdded(Conversation Conversation, MessengerMessage Note) : ConversationEvent(Conversation);
