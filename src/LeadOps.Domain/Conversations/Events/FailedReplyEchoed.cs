namespace LeadOps.Domain.Conversations.Events;

/// <summary>
/// Meta's echo showed that a reply LeadOps had recorded as failed reached Messenger after all (the send's answer was lost,
/// a timeout after Meta took it): the reply is sent now, and the audit trail, which said it failed, says so.
/// </summary>
public sealed record FailedReplyEchoed(Conversation Conversation, long MessageId) : ConversationEvent(Conversation);
