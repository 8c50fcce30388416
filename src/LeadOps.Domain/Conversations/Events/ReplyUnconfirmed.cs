namespace LeadOps.Domain.Conversations.Events;

/// <summary>
/// Meta took the reply, sent as <see cref="Plan"/> says, but gave no confirmation LeadOps could store (Messenger's
/// "Received invalid JSON reply.", or a success it could not read): it stays Sending until Meta's echo of it arrives.
/// </summary>
public sealed record ReplyUnconfirmed(Conversation Conversation, MessengerMessage Message, ReplyAttempt Attempt, ReplyPlan Plan)
    : ReplyEvent(Conversation, Message, Attempt);
