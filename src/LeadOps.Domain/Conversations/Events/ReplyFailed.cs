namespace LeadOps.Domain.Conversations.Events;

/// <summary>The reply was not sent: <see cref="Kind"/> and <see cref="Reason"/> say why, in terms staff can act on.</summary>
public sealed record ReplyFailed(Conversation Conversation, MessengerMessage Message, ReplyAttempt Attempt, SendFailure Kind, string Reason)
    : ReplyEvent(Conversation, Message, Attempt);
