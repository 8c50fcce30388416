namespace LeadOps.Domain.Conversations.Events;

/// <summary>Meta accepted the reply, sent as <see cref="Plan"/> says.</summary>
public sealed record ReplySent(Conversation Conversation, MessengerMessage Message, ReplyAttempt Attempt, ReplyPlan Plan)
    : ReplyEvent(Conversation, Message, Attempt);
