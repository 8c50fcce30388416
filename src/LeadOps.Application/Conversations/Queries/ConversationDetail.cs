namespace LeadOps.Application.Conversations.Queries;

/// <summary><see cref="ReplyNote"/> says how a reply goes out now, or why none can.</summary>
public sealed record ConversationDetail(ConversationView Conversation, IReadOnlyList<MessageView> Messages, int TotalMessages, bool CanReply, string ReplyNote);
