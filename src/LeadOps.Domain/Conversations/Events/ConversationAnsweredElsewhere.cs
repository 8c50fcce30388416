namespace LeadOps.Domain.Conversations.Events;

/// <summary>Someone answered in Meta Business Suite; <see cref="Changed"/> when that moved the conversation to Human active.</summary>
public sealed record ConversationAnsweredElsewhere(Conversation Conversation, bool Changed) : ConversationEvent(Conversation);
