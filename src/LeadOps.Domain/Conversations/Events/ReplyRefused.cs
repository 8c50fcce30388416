namespace LeadOps.Domain.Conversations.Events;

/// <summary>The messaging window refused the reply before Meta was called; <see cref="Reason"/> says why.</summary>
public sealed record ReplyRefused(Conversation Conversation, MessengerMessage Message, ReplyAttempt Attempt, string Reason)
    : ReplyEvent(Conversation, Message, Attempt);
