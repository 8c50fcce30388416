using LeadOps.Domain.Conversations;

namespace LeadOps.Infrastructure.Webhooks.Messenger;

/// <summary>
/// The parts of Messenger events that carry content: a message's attachments, a referral, an opt-in, a handover, a cart. Unknown
/// attachment types are kept by name; a shared link keeps its URL however Meta spells the key, a template the titles of
/// its elements (cards or shared products), its text (a button template) or its introduction (an airline template's
/// <c>intro_message</c>); a sticker Meta sends both as a <c>sticker</c> and as an <c>image</c> attachment
/// (its move to the sticker type, June–August 2026) is kept once.
/// </summary>
internal static class MessengerContentReader
{
    public const int MaxAttachments = 20;

    public static IReadOnlyList<MessengerAttachment>? Attachments(JsonElement message)
    {
        var read = MessengerJson.Array(message, "attachments").Where(a => a.ValueKind == JsonValueKind.Object).Take(MaxAttachments).Select(Attachment).ToList();
        if (read.Count == 0)
        {
            return null;
        }

        // An image that carries a sticker id is that sticker; keep one attachment per sticker, the sticker-typed one first.
        var normalised = read.Select(a => a.Type == "image" && a.StickerId is not null ? (a with { Type = "sticker" }, false) : (a, a.Type == "sticker")).ToList();
        var stickers = normalised.Where(n => n.Item2 && n.Item1.StickerId is not null).Select(n => n.Item1.StickerId!).ToHashSet(StringComparer.Ordinal);
        var kept = new List<MessengerAttachment>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (attachment, typedSticker) in normalised)
        {
            if (attachment.StickerId is { } sticker && ((!typedSticker && stickers.Contains(sticker)) || !seen.Add(sticker)))
            {
                continue;
            }

            kept.Add(attachment);
        }

        return kept;
    }

    /// <summary>
    /// The message's attachments and, for a reply to a story (<c>reply_to.story {url, id}</c>, as Meta's Instagram messaging
    /// webhooks write it), the story as one more, <c>story_reply</c>: Meta's link to it, which staff open and LeadOps does not copy.
    /// </summary>
    public static IReadOnlyList<MessengerAttachment>? AttachmentsAndStory(JsonElement message)
    {
        var attachments = Attachments(message);
        var story = MessengerJson.Object(message, "reply_to") is { } replyTo ? MessengerJson.Object(replyTo, "story") : null;
        return story is null
            ? attachments
            : [.. (attachments ?? []).Take(MaxAttachments - 1), new MessengerAttachment(MessageAttachment.StoryReply, MessengerJson.Text(story, "url", MessageAttachment.UrlLength))];
    }

    private static MessengerAttachment Attachment(JsonElement a)
    {
        var payload = MessengerJson.Object(a, "payload");
        var coordinates = payload is { } p ? MessengerJson.Object(p, "coordinates") : null;
        var type = MessengerJson.Text(a, "type", 40)?.Trim().ToLowerInvariant() ?? "unknown";
        return new MessengerAttachment(
            type,
            MessengerJson.Text(payload, "url", MessageAttachment.UrlLength) ?? MessengerJson.Text(a, "url", MessageAttachment.UrlLength)
                ?? MessengerJson.Text(a, "URL", MessageAttachment.UrlLength),
            (type == "appointment_booking" ? MessengerAppointment.Describe(payload) : null)
                ?? MessengerJson.Text(a, "title", MessageAttachment.TitleLength) ?? MessengerJson.Text(payload, "title", MessageAttachment.TitleLength)
                ?? MessengerJson.Text(payload, "name", MessageAttachment.TitleLength) ?? ElementTitles(payload)
                ?? MessengerJson.Text(payload, "text", MessageAttachment.TitleLength)
                ?? MessengerJson.Text(payload, "intro_message", MessageAttachment.TitleLength) ?? MessengerJson.Text(payload, "template_type", 40),
            MessengerJson.Double(coordinates, "lat"),
            MessengerJson.Double(coordinates, "long"),
            MessengerJson.Id(payload, "sticker_id"));
    }

    /// <summary>
    /// The titles of a template's elements: a generic template's cards (<c>payload.elements[]</c>) or the products a
    /// customer shares from a shop (<c>payload.product.elements[]</c>), in Meta's order.
    /// </summary>
    private static string? ElementTitles(JsonElement? payload)
    {
        var product = payload is { } p ? MessengerJson.Object(p, "product") : null;
        var elements = product is { } holder ? MessengerJson.Array(holder, "elements") : payload is { } q ? MessengerJson.Array(q, "elements") : [];
        var titles = string.Join(", ", elements.Take(MaxAttachments).Select(e => MessengerJson.Text(e, "title", MessageAttachment.TitleLength)?.Trim()).Where(t => !string.IsNullOrEmpty(t)));
        return titles.Length == 0 ? null : titles.Length <= MessageAttachment.TitleLength ? titles : titles[..MessageAttachment.TitleLength];
    }

    /// <summary>
    /// A cart the customer sends (<c>send_cart</c>: <c>order.products[] {id, retailer_id, name, unit_price, currency,
    /// quantity}</c> and <c>order.note</c>) in words: "Sent a cart: 2 × Helmet (22.5 THB)" and the note on its own line.
    /// </summary>
    public static string? Cart(JsonElement order)
    {
        // A blank field is a missing one: it leaves nothing dangling ("  ×    (  THB)").
        static string? Words(JsonElement product, string name, int maxLength) => TextLimit.Words(MessengerJson.Text(product, name, maxLength));

        var products = MessengerJson.Array(order, "products").Where(p => p.ValueKind == JsonValueKind.Object).Take(MaxAttachments).Select(p =>
        {
            var name = Words(p, "name", 200) ?? Words(p, "retailer_id", 200) ?? MessengerJson.Id(p, "id") ?? "a product";
            var price = Words(p, "unit_price", 40) is { } unit ? $" ({string.Join(' ', new[] { unit, Words(p, "currency", 10) }.OfType<string>())})" : string.Empty;
            return $"{Words(p, "quantity", 20) ?? "1"} × {name}{price}";
        }).ToList();
        var note = TextLimit.Words(MessengerJson.Text(order, "note", 2000));
        var lines = new[] { products.Count == 0 ? null : "Sent a cart: " + string.Join(", ", products), note is null ? null : "Note: " + note }.OfType<string>().ToList();
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    public static Referral? ReadReferral(JsonElement? holder)
    {
        var referral = holder is { } h ? MessengerJson.Object(h, "referral") : null;
        if (referral is null)
        {
            return null;
        }

        var ads = MessengerJson.Object(referral.Value, "ads_context_data");
        var read = new Referral(
            MessengerJson.Text(referral, "source", Domain.Conversations.Referral.FieldLength),
            MessengerJson.Text(referral, "ref", Domain.Conversations.Referral.FieldLength),
            MessengerJson.Id(referral, "ad_id"),
            MessengerJson.Text(ads, "ad_title", Domain.Conversations.Referral.FieldLength),
            MessengerJson.Id(ads, "post_id"),
            MessengerJson.Text(referral, "type", 40))
        {
            PhotoUrl = WebAddress(ads, "photo_url"),
            VideoUrl = WebAddress(ads, "video_url"),
            // An ad's product, or the product of the Shops product page the customer wrote from (message.referral.product.id).
            ProductId = MessengerJson.Text(ads, "product_id", Domain.Conversations.Referral.FieldLength)
                ?? MessengerJson.Id(MessengerJson.Object(referral.Value, "product"), "id"),
            RefererUri = WebAddress(referral, "referer_uri"),
        };
        return read.IsEmpty ? null : read;
    }

    /// <summary>A link Meta gives (the ad's image or video, the chat plugin's web page): an http(s) address, or nothing when too long or of another kind.</summary>
    private static string? WebAddress(JsonElement? holder, string name) =>
        Domain.Conversations.Referral.WebAddress(MessengerJson.Text(holder, name, Domain.Conversations.Referral.UrlLength + 1));

    public static MessengerOptin Optin(JsonElement optin) => new(
        MessengerJson.Text(optin, "type", 60),
        MessengerJson.Text(optin, "title", NotificationOptin.FieldLength),
        MessengerJson.Text(optin, "payload", NotificationOptin.FieldLength) ?? MessengerJson.Text(optin, "ref", NotificationOptin.FieldLength),
        MessengerJson.Text(optin, "notification_messages_token", 2000) ?? MessengerJson.Text(optin, "one_time_notif_token", 2000),
        MessengerJson.Text(optin, "notification_messages_frequency", 60),
        MessengerJson.Text(optin, "notification_messages_status", 60) ?? MessengerJson.Text(optin, "user_token_status", 60),
        MessengerJson.Time(optin, "token_expiry_timestamp"));

    public static MessengerHandover? Handover(JsonElement item)
    {
        foreach (var action in new[] { MessengerHandover.Pass, MessengerHandover.Take, MessengerHandover.Request })
        {
            if (MessengerJson.Object(item, action) is { } h)
            {
                return new MessengerHandover(
                    action,
                    MessengerJson.Id(h, "previous_owner_app_id"),
                    MessengerJson.Id(h, "new_owner_app_id"),
                    MessengerJson.Id(h, "requested_owner_app_id"),
                    MessengerJson.Text(h, "metadata", 1000));
            }
        }

        return null;
    }
}
