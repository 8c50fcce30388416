using System.Security.Cryptography;
using System.Text;

namespace LeadOps.Application.Conversations;

/// <summary>
/// One Messenger event from the webhook (<c>entry[].messaging[]</c>, <c>entry[].standby[]</c>, or the
/// <c>entry[].changes[]</c> form the App Dashboard's test button sends), already read from Meta's JSON. <see cref="Psid"/>
/// is always the customer, whichever side sent it (empty for a page-wide event: policy enforcement). <see cref="Mid"/> is
/// the message the event is about: the new message, the edited one, the one reacted to.
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
    /// <summary>The app Meta names on echoes of replies typed in the Page's own inbox (Meta Business Suite); it may also be absent.</summary>
    public const string MetaPageInboxAppId = "263902037430900";

    /// <summary>Images, files, locations, links… of a message or echo, in Meta's order (a sticker sent twice kept once).</summary>
    public IReadOnlyList<MessengerAttachment>? Attachments { get; init; }

    public string? QuickReplyPayload { get; init; }

    /// <summary>An echo's <c>metadata</c>: what the app that sent the message gave the Send API with it.</summary>
    public string? Metadata { get; init; }

    /// <summary>The message a reply quotes (<c>reply_to.mid</c>).</summary>
    public string? ReplyToMid { get; init; }

    public MessengerPostback? Postback { get; init; }

    /// <summary>How the customer came: in a message, a postback, or the referral event itself.</summary>
    public Referral? Referral { get; init; }

    public MessengerReaction? Reaction { get; init; }

    public MessengerEdit? Edit { get; init; }

    public MessengerOptin? Optin { get; init; }

    public MessengerHandover? Handover { get; init; }

    public MessengerPolicyEnforcement? Policy { get; init; }

    /// <summary>
    /// The SHA-256 (hex) of the event's canonical JSON, set when neither the event nor its entry gave a time (bodies some
    /// SDKs post; never Meta's): <see cref="Timestamp"/> is then when it arrived, which a resend does not repeat.
    /// </summary>
    public string? ContentDigest { get; init; }

    /// <summary>
    /// A stable id for an event Meta gives none (a postback without a mid, a referral, a handover, an opt-in): the same
    /// event delivered again gets the same id, so it is stored once. <paramref name="content"/> tells apart two events of
    /// one kind at the same time (two buttons tapped within a second, as the dashboard's seconds-resolution test sends).
    /// An event with no time of its own is keyed by its <see cref="ContentDigest"/> rather than the time it arrived.
    /// </summary>
    public string KeyFor(string what, string? content = null)
    {
        var key = $"{what}:{Psid}:{ContentDigest ?? Timestamp.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        return content is null ? key : key + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..16];
    }
}
