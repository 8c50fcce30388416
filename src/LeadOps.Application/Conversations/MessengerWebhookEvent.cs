namespace LeadOps.Application.Conversations;

/// <summary>
/// One Messenger event from the webhook (<c>entry[].messaging[]</c> or <c>entry[].standby[]</c>), already read from
/// Meta's JSON. <see cref="Psid"/> is always the customer, whichever side sent it.
/// </summary>
public sealed record MessengerWebhookEvent(
    MessengerEventKind Kind,
    string PageId,
    string Psid,
    DateTimeOffset Timestamp,
    string? Mid = null,
    string? Text = null,
    string? AppId = null,
    IReadOnlyList<string>? Mids = null,
    DateTimeOffset? Watermark = null,
    bool Standby = false)
{
    /// <summary>The app Meta names on echoes of replies typed in the Page's own inbox (commonly seen; may also be absent).</summary>
    public const string MetaPageInboxAppId = "263902037430900";
}
