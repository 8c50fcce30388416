using LeadOps.Domain.Conversations;

namespace LeadOps.Web.Api.Conversations;

/// <summary>How <c>/api/conversations</c> writes a message and what hangs off a conversation (snake_case on the wire).</summary>
internal static class MessageContracts
{
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
        public MessageKind Kind { get; init; }

        public IReadOnlyList<AttachmentResponse> Attachments { get; init; } = [];

        public string? PostbackPayload { get; init; }

        public string? QuickReplyPayload { get; init; }

        public QuoteResponse? ReplyTo { get; init; }

        public bool Edited { get; init; }

        public string? OriginalText { get; init; }

        public DateTimeOffset? EditedAt { get; init; }

        public ReactionResponse? Reaction { get; init; }

        public static MessageResponse From(MessageView m) => new(
            m.Id, m.Direction, m.Sender, m.SenderLabel, m.Text, m.StatusText, m.FailureReason, m.FailureKind, m.MessagingType, m.Tag, m.At,
            m.CanRetry, m.Mid)
        {
            Kind = m.Kind,
            Attachments = [.. m.Attachments.Select(AttachmentResponse.From)],
            PostbackPayload = m.PostbackPayload,
            QuickReplyPayload = m.QuickReplyPayload,
            ReplyTo = m.ReplyTo is { } q ? new QuoteResponse(q.Mid, q.Text, q.SenderLabel) : null,
            Edited = m.IsEdited,
            OriginalText = m.OriginalText,
            EditedAt = m.EditedAt,
            Reaction = m.Reaction is { } r ? new ReactionResponse(r.Emoji, r.Name, r.At) : null,
        };
    }

    /// <summary><see cref="FileUrl"/> is LeadOps' copy (owner only); <see cref="Url"/> is Meta's link, which expires.</summary>
    internal sealed record AttachmentResponse(
        string Type, string? Url, string? FileUrl, string? Title, double? Latitude, double? Longitude, string? MapUrl, string? StickerId,
        string? FileName, string? ContentType, long? Size, AttachmentCopy Copy, string? CopyNote)
    {
        public static AttachmentResponse From(AttachmentView a) => new(
            a.Type, a.Url, a.FileId is { } id ? InboxFilesApi.UrlOf(id) : null, a.Title, a.Latitude, a.Longitude, a.MapUrl, a.StickerId,
            a.FileName, a.ContentType, a.Size, a.Copy, a.CopyNote);
    }

    internal sealed record QuoteResponse(string Mid, string? Text, string? SenderName);

    internal sealed record ReactionResponse(string Emoji, string? Name, DateTimeOffset? At);

    internal sealed record ReferralResponse(string? Source, string? Ref, string? AdId, string? AdTitle, string? PostId, string Text, DateTimeOffset? At)
    {
        public string? PhotoUrl { get; init; }

        public string? VideoUrl { get; init; }

        public string? ProductId { get; init; }

        public string? RefererUri { get; init; }

        public static ReferralResponse? From(Referral? r, DateTimeOffset? at) =>
            r is null ? null : new(r.Source, r.Ref, r.AdId, r.AdTitle, r.PostId, r.Describe(), at)
            {
                PhotoUrl = r.PhotoUrl,
                VideoUrl = r.VideoUrl,
                ProductId = r.ProductId,
                RefererUri = r.RefererUri,
            };
    }

    /// <summary>An opt-in to notification messages; never the token.</summary>
    internal sealed record OptinResponse(string? Type, string? Title, string? Frequency, string? Status, DateTimeOffset? TokenExpiresAt, string Text, DateTimeOffset? At)
    {
        public static OptinResponse? From(NotificationOptin? o, DateTimeOffset? at) =>
            o is null ? null : new(o.Type, o.Title, o.Frequency, o.Status, o.TokenExpiresAt, o.Describe(), at);
    }

    internal sealed record ThreadOwnerResponse(string? AppId, string Name);

    internal sealed record LeadResponse(long Id, string Name);
}
