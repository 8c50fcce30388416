namespace LeadOps.Domain.Conversations.Events;

/// <summary>Meta echoed a message the page sent that LeadOps did not send (the bot, or Meta's own inbox).</summary>
public sealed record PageMessageEchoed(Conversation Conversation, MessengerMessage Message) : ConversationEvent(Conversation);
