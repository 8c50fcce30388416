namespace LeadOps.Domain.Conversations.Events;

/// <summary>What the conversation's header shows changed: the customer's name, the referral, the opt-in, thread control.</summary>
public sealed record ConversationDetailsChanged(Conversation Conversation) : ConversationEvent(Conversation);
