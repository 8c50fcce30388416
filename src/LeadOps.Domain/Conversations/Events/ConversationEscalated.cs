namespace LeadOps.Domain.Conversations.Events;

/// <summary>Handed to a person (Needs human); <see cref="Reason"/> is the escalation reason the conversation now has.</summary>
public sealed record ConversationEscalated(Conversation Conversation, bool Changed, string? Reason) : ConversationActionEvent(Conversation, Changed);
