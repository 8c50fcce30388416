namespace LeadOps.Domain.Conversations;

/// <summary>What a message holds besides its text: payloads, the message it quotes, edits, the customer's reaction.</summary>
public sealed partial class MessengerMessage
{
    public const int ReactionLength = 32;
    public const int ReactionNameLength = 20;

    /// <summary>The button's payload (postbacks).</summary>
    public string? PostbackPayload { get; set; }

    /// <summary>The quick reply's payload, when the customer tapped one.</summary>
    public string? QuickReplyPayload { get; set; }

    /// <summary>The message this one quotes (<c>reply_to.mid</c>).</summary>
    public string? ReplyToMid { get; set; }

    /// <summary>The text as first written, kept when the customer edits it.</summary>
    public string? OriginalText { get; set; }

    /// <summary>How many times the customer edited it (Meta's <c>num_edit</c>).</summary>
    public int EditCount { get; set; }

    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>The customer's reaction to this message (an emoji), while it stands.</summary>
    public string? ReactionEmoji { get; set; }

    /// <summary>Meta's word for the reaction: love, smile, like, … or other.</summary>
    public string? ReactionName { get; set; }

    /// <summary>When the reaction was given or taken back: an older event never undoes a newer one.</summary>
    public DateTimeOffset? ReactedAt { get; set; }

    public bool IsEdited => EditCount > 0;

    /// <summary>
    /// What staff read for a message Messenger passed on with nothing LeadOps can show: a <c>mid</c> alone, or content Meta
    /// flags <c>is_unsupported</c> (as <c>true</c> or <c>"true"</c>) and does not deliver to the API.
    /// </summary>
    public const string NothingToShowText = "Messenger passed on nothing to show for this message: see it in Meta Business Suite.";

    /// <summary>
    /// Text for the Inbox list: the text, else what the first attachment is, else the quick reply tapped, else (a message
    /// with nothing in it) <see cref="NothingToShowText"/>.
    /// </summary>
    public string Preview => !string.IsNullOrWhiteSpace(Text) ? Text
        : Attachments.OrderBy(a => a.Position).FirstOrDefault()?.Preview
          ?? (QuickReplyPayload is { } payload ? $"Quick reply {payload}" : Kind == MessageKind.Message ? NothingToShowText : string.Empty);

    /// <summary>The customer tapped a button: stored as "Tapped: <title>" with its payload.</summary>
    public static MessengerMessage FromPostback(Guid conversationId, string mid, string? title, string? payload, DateTimeOffset at)
    {
        var tapped = Received(conversationId, MessageKind.Postback, MessageSender.Customer, mid,
            TextLimit.Cut($"Tapped: {(string.IsNullOrWhiteSpace(title) ? payload ?? "a button" : title.Trim())}", MaxTextLength), at);
        tapped.PostbackPayload = Payload(payload);
        return tapped;
    }

    /// <summary>A note about the thread (referral, handover, opt-in, what LeadOps asked Meta): no one wrote it.</summary>
    public static MessengerMessage Note(Guid conversationId, MessageKind kind, string mid, string text, DateTimeOffset at) =>
        Received(conversationId, kind, MessageSender.System, mid, TextLimit.Cut(text, MaxTextLength), at);

    /// <summary>
    /// A staff member's internal note (<see cref="MessageKind.InternalNote"/>): never sent, so it has no Meta id, no
    /// idempotency key and no send status; receipts and echoes (outbound messages only) never touch it.
    /// </summary>
    public static MessengerMessage InternalNote(Guid conversationId, string userId, string? userName, string text, DateTimeOffset at)
    {
        var note = Received(conversationId, MessageKind.InternalNote, MessageSender.Staff, null, TextLimit.Cut(text.Trim(), MaxTextLength), at);
        note.SenderUserId = userId;
        note.SenderName = userName is null ? null : TextLimit.Cut(userName, SenderNameLength);
        return note;
    }

    public bool IsInternalNote => Kind == MessageKind.InternalNote;

    public static string? Payload(string? payload) => string.IsNullOrEmpty(payload) ? null : TextLimit.Cut(payload, PayloadLength);

    /// <summary>Adds attachments in the order given.</summary>
    public void Attach(IEnumerable<MessageAttachment> attachments)
    {
        foreach (var attachment in attachments)
        {
            attachment.Position = Attachments.Count;
            attachment.ConversationId = ConversationId;
            Attachments.Add(attachment);
        }
    }

    /// <summary>
    /// Meta's echo showed this reply sent: what the echo carries is the reply's too (a link preview Meta added, its link to
    /// a file). A file staff attached stays as it was, its own copy the original: the echo's attachment in its place, of
    /// its type, is the same file. Returns the attachments kept.
    /// </summary>
    public IReadOnlyList<MessageAttachment> KeepEchoed(IEnumerable<MessageAttachment> echoed)
    {
        var kept = echoed.Where(e => !Attachments.Any(a => a.StoredFileId is not null && a.Position == e.Position && a.Type == e.Type)).ToList();
        Attach(kept);
        return kept;
    }

    /// <summary>
    /// The customer edited the message. Edits can arrive late or twice: only a later edit (by Meta's count) changes it.
    /// The text as first written is kept.
    /// </summary>
    public bool Edit(string text, int editCount, DateTimeOffset at)
    {
        var count = Math.Max(editCount, EditCount + 1);
        if (editCount > 0 && editCount <= EditCount)
        {
            return false;
        }

        OriginalText ??= Text;
        Text = TextLimit.Cut(text, MaxTextLength);
        EditCount = count;
        EditedAt = at;
        return true;
    }

    /// <summary>The customer reacted (or took the reaction back). An older event than the last one applied changes nothing.</summary>
    public bool React(string? emoji, string? name, bool unreact, DateTimeOffset at)
    {
        if (ReactedAt is { } last && at < last)
        {
            return false;
        }

        ReactionEmoji = unreact ? null : Cut(emoji, ReactionLength) ?? Cut(name, ReactionLength) ?? "👍";
        ReactionName = unreact ? null : Cut(name, ReactionNameLength);
        ReactedAt = at;
        return true;
    }

    private static string? Cut(string? text, int length) => string.IsNullOrWhiteSpace(text) ? null : TextLimit.Cut(text.Trim(), length);
}
