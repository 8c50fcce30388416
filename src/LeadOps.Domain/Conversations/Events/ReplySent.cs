namespace LeadOps.Domain.Conversations.Events;

/// <summary>
/// Meta accepted the reply, sent as <see cref="Plan"/> says. <see cref="EchoedFirst"/>: Meta's echo showed it sent while
/// the send's own answer was still to come, and that answer never said so (it timed out, or failed without a word).
/// </summary>
public sealed record ReplySent(Conversation Conversation, MessengerMessage Message, ReplyAttempt Attempt, ReplyPlan Plan, bool EchoedFirst = false)
    : ReplyEvent(Conversation, Message, Attempt);
