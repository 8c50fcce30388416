namespace LeadOps.Application.Conversations;

/// <summary>What changed in whose Inbox. Carries ids only, never message text.</summary>
public sealed record InboxChange(string OwnerId, Guid ConversationId, InboxChangeKind Kind, long? MessageId = null);
