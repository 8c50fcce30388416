namespace LeadOps.Domain.Conversations.Events;

/// <summary>A note joined the thread (a handover, a referral, an opt-in, thread control LeadOps asked for).</summary>
public sealed record ConversationNoteAdded(Conversation Conversation, MessengerMessage Note) : ConversationEvent(Conversation);
