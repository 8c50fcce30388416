using LeadOps.Application.Conversations.Queries;
using LeadOps.Domain.Conversations;
using static LeadOps.Web.Api.Conversations.MessageContracts;

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
        public string? CustomerName { get; init; }

        /// <summary>LeadOps' copy of the profile picture (<c>/inbox/files/…</c>, the owner only).</summary>
        public string? CustomerPictureUrl { get; init; }

        public MessageContracts.ReferralResponse? Referral { get; init; }

        public MessageContracts.OptinResponse? Optin { get; init; }

        public MessageContracts.ThreadOwnerResponse? ThreadOwner { get; init; }

        public DateTimeOffset? AnsweredInMetaBusinessSuiteAt { get; init; }

        public static ConversationResponse From(ConversationView c) => new(
            c.Id, c.PageId, c.PageName, c.Psid, c.CustomerLabel, c.State, c.StateText, c.State == ConversationState.NeedsHuman,
            c.AssignedToUserId is null && c.AssignedToName is null ? null : new Assignee(c.AssignedToUserId, c.AssignedToName),
            c.EscalationReason, c.EscalatedAt, c.LastCustomerMessageAt, c.WaitingSince, c.WaitedText, c.LastMessageAt, c.LastMessagePreview,
            new Window(c.Window, c.WindowText, c.WindowUntil))
        {
            CustomerName = c.CustomerName,
            CustomerPictureUrl = c.CustomerPictureFileId is { } picture ? InboxFilesApi.UrlOf(picture) : null,
            Referral = MessageContracts.ReferralResponse.From(c.Referral, c.ReferredAt),
            Optin = MessageContracts.OptinResponse.From(c.Optin, c.OptedInAt),
            ThreadOwner = c.ThreadOwnerText is null ? null : new MessageContracts.ThreadOwnerResponse(c.ThreadOwnerAppId, c.ThreadOwnerText),
            AnsweredInMetaBusinessSuiteAt = c.AnsweredElsewhereAt,
        };
    }

    /// <summary>A staff member, or (no user id) Meta Business Suite when someone answered there.</summary>
    internal sealed record Assignee(string? UserId, string? Name);

    internal sealed record Window(WindowKind Kind, string Text, DateTimeOffset? Until);

    internal sealed record ConversationDetailResponse(ConversationResponse Conversation, bool CanReply, string ReplyNote, int TotalMessages, IReadOnlyList<MessageResponse> Messages)
    {
        /// <summary>The lead that came from the same ad as the customer.</summary>
        public MessageContracts.LeadResponse? Lead { get; init; }

        public static ConversationDetailResponse From(ConversationDetail d) =>
            new(ConversationResponse.From(d.Conversation), d.CanReply, d.ReplyNote, d.TotalMessages, [.. d.Messages.Select(MessageResponse.From)])
            {
                Lead = d.Lead is { } lead ? new MessageContracts.LeadResponse(lead.Id, lead.Name) : null,
            };
    }

    internal sealed record MessageList(Guid ConversationId, int Total, IReadOnlyList<MessageResponse> Messages)
    {
        public static MessageList From(ConversationDetail d) => new(d.Conversation.Id, d.TotalMessages, [.. d.Messages.Select(MessageResponse.From)]);
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
        bool Duplicate,
        string? Mid)
    {
        public static ReplyResponse From(ReplyOutcome o) =>
            new(o.Succeeded, o.ConversationId, o.MessageId, o.RecipientId, o.Status, o.MessagingType, o.Tag, o.Error, o.Failure, o.Duplicate, o.Mid);
    }
}
