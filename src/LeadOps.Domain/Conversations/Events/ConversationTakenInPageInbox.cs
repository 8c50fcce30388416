namespace LeadOps.Domain.Conversations.Events;

/// <summary>
/// Meta Business Suite (the Page inbox) took the thread and that moved the conversation to Human active, assigned to it
/// (ADR 0012): a person there has it. Raised only when it moved the conversation.
/// </summary>
public sealed record ConversationTakenInPageInbox(Conversation Conversation) : ConversationActionEvent(Conversation, Changed: true);
