using LeadOps.Application.Conversations.Queries;
using LeadOps.Domain.Conversations;

namespace LeadOps.Web.Api.Conversations;

/// <summary>What <c>/api/conversations</c> reads and answers (snake_case on the wire, enums as their snake_case names).</summary>
internal static class ConversationContracts
{
    internal sealed record EscalateRequest(string? PageId, string? Psid, string? Reason);

    internal sealed record ReasonRequest(string? Reason);

    internal sealed record ReplyRequest(string? Text);

    internal sealed record ConversationList(IReadOnlyList<ConversationResponse> Conversations, int Total, int Page, int PageSize)
    {
        public static ConversationList From(ConversationPage p) => new([.. p.Items.Select(ConversationResponse.From)], p.Total, p.Page, p.PageSize);
    }

    internal sealed record ConversationResponse(
        Guid Id,
        string PageId,
        string PageName,
        string Psid,
        string Customer,
        ConversationState State,
        string StateText,
        bool RequiresHuman,
        Assignee? AssignedTo,
        string? EscalationReason,
        DateTimeOffset? EscalatedAt,
        DateTimeOffset? LastCustomerMessageAt,
        DateTimeOffset? WaitingSince,
        string? Waited,
        DateTimeOffset LastMessageAt,
        string? LastMessagePreview,
        Window Window)
    {
        public static ConversationResponse From(ConversationView c) => new(
            c.Id, c.PageId, c.PageName, c.Psid, c.CustomerLabel, c.State, c.StateText, c.State == ConversationState.NeedsHuman,
            c.AssignedToUserId is null ? null : new Assignee(c.AssignedToUserId, c.AssignedToName),
            c.EscalationReason, c.EscalatedAt, c.LastCustomerMessageAt, c.WaitingSince, c.WaitedText, c.LastMessageAt, c.LastMessagePreview,
            new Window(c.Window, c.WindowText, c.WindowUntil));
    }

    internal sealed record Assignee(string UserId, string? Name);

    internal sealed record Window(WindowKind Kind, string Text, DateTimeOffset? Until);

    internal sealed record ConversationDetailResponse(ConversationResponse Conversation, bool CanReply, string ReplyNote, int TotalMessages, IReadOnlyList<MessageResponse> Messages)
    {
        public static ConversationDetailResponse From(ConversationDetail d) =>
            new(ConversationResponse.From(d.Conversation), d.CanReply, d.ReplyNote, d.TotalMessages, [.. d.Messages.Select(MessageResponse.From)]);
    }

    internal sealed record MessageList(Guid ConversationId, int Total, IReadOnlyList<MessageResponse> Messages)
    {
        public static MessageList From(ConversationDetail d) => new(d.Conversation.Id, d.TotalMessages, [.. d.Messages.Select(MessageResponse.From)]);
    }

    internal sealed record MessageResponse(
        long Id,
        MessageDirection Direction,
        MessageSender Sender,
        string SenderName,
        string Text,
        string Status,
        string? Error,
        SendFailure? ErrorCode,
        string? MessagingType,
        string? Tag,
        DateTimeOffset At,
        bool CanRetry,
        string? Mid)
    {
        public static MessageResponse From(MessageView m) => new(
            m.Id, m.Direction, m.Sender, m.SenderLabel, m.Text, m.StatusText, m.FailureReason, m.FailureKind, m.MessagingType, m.Tag, m.At,
            m.CanRetry, m.Mid);
    }

    internal sealed record ReplyResponse(
        bool Success,
        Guid ConversationId,
        long MessageId,
        string RecipientId,
        MessageStatus Status,
        string? MessagingType,
        string? Tag,
        string? Error,
        SendFailure? ErrorCode,
        bool Duplicate)
    {
        public static ReplyResponse From(ReplyOutcome o) =>
            new(o.Succeeded, o.ConversationId, o.MessageId, o.RecipientId, o.Status, o.MessagingType, o.Tag, o.Error, o.Failure, o.Duplicate);
    }
}
