using System.Text.Json.Nodes;

namespace LeadOps.GraphSandbox;

/// <summary>
/// What customers, other apps and Meta do on a page's Messenger, as tests and the demo drive it
/// (<see cref="SandboxState.Customers"/>, or the control API): each fires the webhook Meta would send, in the
/// <see cref="MessengerShape"/> asked for, when the page is subscribed to its field. Customer messages, taps, reactions and
/// returns through an ad or an m.me link open the messaging windows. Returns the message id (<c>mid</c>) where the event has one.
/// </summary>
public sealed partial class CustomerActions
{
    /// <summary>The Page inbox's (Meta Business Suite's) app id.</summary>
    public const string PageInboxAppId = "263902037430900";

    private readonly MessageStore _store;

    internal CustomerActions(MessageStore store) => _store = store;

    /// <summary>How long CDN links of attachments and profile pictures live (sandbox clock).</summary>
    public TimeSpan CdnLinkLifetime
    {
        get => _store.Cdn.Lifetime;
        set => _store.Cdn.Lifetime = value;
    }

    public IReadOnlyList<SenderActionCall> SenderActions => _store.SenderActions.All;

    public IReadOnlyList<ThreadControlCall> ThreadControlCalls => _store.ThreadControlCalls.All;

    public string Writes(string pageId, string psid, CustomerMessage message, MessengerShape? shape = null)
    {
        var (page, customer, at, mid) = Begin(pageId, psid, message.Summary, opensWindow: true);
        var body = message.Unsupported is { } unsupported ? UnsupportedBody(unsupported) : ContentBody(message);
        var form = ShapeFor(customer, shape);
        _store.Publish(page, "messages", MessengerEventJson.CustomerMessage(page.Id, customer.Psid, mid, body, at, form), at, form);
        return mid;
    }

    /// <summary>Content Messenger does not deliver: the flag in its form (the <c>mid</c> is added with the event), nothing else.</summary>
    private static JsonObject UnsupportedBody(UnsupportedContent form) => form switch
    {
        UnsupportedContent.Flagged => new JsonObject { ["is_unsupported"] = true },
        UnsupportedContent.FlaggedAsString => new JsonObject { ["is_unsupported"] = "true" },
        _ => [],
    };

    private JsonObject ContentBody(CustomerMessage message)
    {
        var body = new JsonObject();
        if (message.Text is not null)
        {
            body["text"] = message.Text;
        }

        if (message.QuickReplyPayload is not null)
        {
            body["quick_reply"] = new JsonObject { ["payload"] = message.QuickReplyPayload };
        }

        if (message.ReplyToMid is not null || message.ReplyToStory is not null)
        {
            var replyTo = new JsonObject();
            if (message.ReplyToMid is not null)
            {
                replyTo["mid"] = message.ReplyToMid;
            }

            if (message.ReplyToStory is { } story)
            {
                replyTo["story"] = new JsonObject { ["url"] = story.Url, ["id"] = story.Id };
            }

            body["reply_to"] = replyTo;
        }

        if (message.Attachments.Count > 0)
        {
            body["attachments"] = new JsonArray([.. message.Attachments.SelectMany(Attachment)]);
        }

        if (message.Referral is not null)
        {
            body["referral"] = MessengerEventJson.Referral(message.Referral);
        }

        return body;
    }

    /// <summary>The customer sends a cart from the page's shop (<c>send_cart</c>, sent when the page is subscribed to that field).</summary>
    public void SendsCart(string pageId, string psid, IReadOnlyList<SandboxCartProduct> products, string? note = null, MessengerShape? shape = null)
    {
        var (page, customer, at, _) = Begin(pageId, psid, $"[sent a cart of {products.Count}]", opensWindow: true);
        _store.Publish(page, "send_cart", MessengerEventJson.Cart(page.Id, customer.Psid, products, note, at, shape ?? MessengerShape.Default), at, shape ?? MessengerShape.Default);
    }

    /// <summary>The customer taps a postback button (Get Started, a button, the persistent menu).</summary>
    public string Taps(string pageId, string psid, string title, string payload, SandboxReferral? referral = null, MessengerShape? shape = null)
    {
        var (page, customer, at, mid) = Begin(pageId, psid, $"[tapped {title}]", opensWindow: true);
        var form = ShapeFor(customer, shape);

        // On standby Meta leaves the payload out: only the app that sent the button receives it.
        var sent = shape is null && form.Envelope == MessengerEnvelope.Standby ? null : payload;
        _store.Publish(page, "messaging_postbacks", MessengerEventJson.Postback(page.Id, customer.Psid, mid, title, sent, referral, at, form), at, form);
        return mid;
    }

    public void Edits(string pageId, string psid, string mid, string text, int numEdit = 1, MessengerShape? shape = null)
    {
        var (page, customer, at, _) = Begin(pageId, psid, null, opensWindow: false);
        _store.Publish(page, "message_edits", MessengerEventJson.Edit(page.Id, customer.Psid, mid, text, numEdit, at, shape ?? MessengerShape.Default), at, shape ?? MessengerShape.Default);
    }

    /// <summary>
    /// The customer reacts to a message (<paramref name="emoji"/>, Meta's word <paramref name="reaction"/>; it opens the
    /// window), or takes the reaction back; with <see cref="MessengerShape.ReactionByPage"/> the page reacts, opening nothing.
    /// </summary>
    public void Reacts(string pageId, string psid, string mid, string? emoji = "❤️", string? reaction = "love", bool unreact = false, MessengerShape? shape = null)
    {
        var (page, customer, at, _) = Begin(pageId, psid, null, opensWindow: !unreact && shape is not { ReactionByPage: true });
        _store.Publish(page, "message_reactions", MessengerEventJson.Reaction(page.Id, customer.Psid, mid, emoji, reaction, unreact, at, shape ?? MessengerShape.Default), at, shape ?? MessengerShape.Default);
    }

    /// <summary>
    /// The customer comes back to the thread from an ad or an m.me link (<c>messaging_referrals</c>; an m.me link, source
    /// SHORTLINK or, as Meta's messaging_postbacks reference and Postback Button Setup page print it, SHORT-URL or SHORT_URL,
    /// resets the window).
    /// </summary>
    public void ArrivesFrom(string pageId, string psid, SandboxReferral referral, MessengerShape? shape = null)
    {
        var (page, customer, at, _) = Begin(pageId, psid, null, opensWindow: referral.Source?.ToUpperInvariant() is "SHORTLINK" or "SHORT-URL" or "SHORT_URL");
        _store.Publish(page, "messaging_referrals", MessengerEventJson.Referral(page.Id, customer.Psid, referral, at, shape ?? MessengerShape.Default), at, shape ?? MessengerShape.Default);
    }

    /// <summary>The customer opts in to notification messages on a topic; the token lets the page send them.</summary>
    public string OptsIn(string pageId, string psid, string title, string frequency = "WEEKLY", MessengerShape? shape = null)
    {
        var (page, customer, at, _) = Begin(pageId, psid, null, opensWindow: false);
        var token = "nmt_" + _store.NextMessageId()[2..30];
        var optin = new JsonObject
        {
            ["type"] = "notification_messages",
            ["payload"] = "TOPIC_" + title.ToUpperInvariant().Replace(' ', '_'),
            ["notification_messages_token"] = token,
            ["notification_messages_frequency"] = frequency,
            ["notification_messages_timezone"] = "Europe/Lisbon",
            ["token_expiry_timestamp"] = MessengerEventJson.Time(at.AddDays(180), shape ?? MessengerShape.Default),
            ["user_token_status"] = "NOT_REFRESHED",
            ["notification_messages_status"] = "RESUME_NOTIFICATIONS",
            ["title"] = title,
        };
        PublishOptin(page, customer, optin, at, shape);
        return token;
    }

    /// <summary>
    /// The customer accepts a one-time notification request (<c>one_time_notif_req</c>): Meta's opt-in then carries only
    /// the type, the page's payload and <c>one_time_notif_token</c> (no title, frequency or expiry).
    /// </summary>
    public string OptsInOnce(string pageId, string psid, string payload, MessengerShape? shape = null)
    {
        var (page, customer, at, _) = Begin(pageId, psid, null, opensWindow: false);
        var token = "otn_" + _store.NextMessageId()[2..30];
        var optin = new JsonObject { ["type"] = "one_time_notif_req", ["payload"] = payload, ["one_time_notif_token"] = token };
        PublishOptin(page, customer, optin, at, shape);
        return token;
    }

    /// <summary>The customer taps a Send to Messenger plugin: Meta's opt-in then carries only <c>ref</c> (the plugin's data-ref).</summary>
    public void TapsSendToMessenger(string pageId, string psid, string reference, MessengerShape? shape = null)
    {
        var (page, customer, at, _) = Begin(pageId, psid, null, opensWindow: false);
        var optin = new JsonObject { ["ref"] = reference };
        PublishOptin(page, customer, optin, at, shape);
    }

    /// <summary>Someone answers in Meta Business Suite: an echo from the Page inbox app (the id written as the shape says, or absent).</summary>
    public string PageInboxAnswers(string pageId, string psid, string text, MessengerShape? shape = null)
    {
        var (page, customer, at, mid) = Begin(pageId, psid, null, opensWindow: false);
        customer.History.Add(new ConversationMessage(mid, true, text, at));
        _store.Publish(page, "message_echoes", MessengerEventJson.Echo(page.Id, customer.Psid, mid, text, null, PageInboxAppId, at, shape ?? MessengerShape.Default), at, shape ?? MessengerShape.Default, "messages");
        return mid;
    }

    /// <summary>Meta warns or blocks the page's messaging (<paramref name="action"/> warning, block, unblock).</summary>
    public void EnforcesPolicy(string pageId, string action, string? reason, MessengerShape? shape = null)
    {
        var page = _store.PageOf(pageId);
        var at = _store.Now;
        _store.Publish(page, "messaging_policy_enforcement", MessengerEventJson.Policy(page.Id, action, reason, at, shape ?? MessengerShape.Default), at, shape ?? MessengerShape.Default);
    }

    /// <summary>The customer reads the thread up to now (a read receipt, its watermark written as the shape says).</summary>
    public void Reads(string pageId, string psid, MessengerShape? shape = null)
    {
        var (page, customer, at, _) = Begin(pageId, psid, null, opensWindow: false);
        _store.Publish(page, "message_reads", MessengerEventJson.Read(page.Id, customer.Psid, at, at, shape ?? MessengerShape.Default), at, shape ?? MessengerShape.Default, "messages");
    }

    /// <summary>Whether the User Profile API answers for this page (the app's Business Asset User Profile Access).</summary>
    public void RefuseProfiles(string pageId, bool refused = true) => _store.SetProfilesRefused(_store.PageOf(pageId), refused);

    /// <summary>Meta has no profile for the customer: an account made with a phone number (2018218), or, <paramref name="gone"/>, one Graph no longer loads (100/33).</summary>
    public void HasNoProfile(string pageId, string psid, bool gone = false) => _store.SetWithoutProfile(pageId, psid, gone);

    private (PageState Page, CustomerState Customer, DateTimeOffset At, string Mid) Begin(string pageId, string psid, string? history, bool opensWindow)
    {
        var (page, customer) = _store.Require(pageId, psid);
        var at = _store.Now;
        var mid = _store.NextMessageId();
        if (history is not null)
        {
            customer.History.Add(new ConversationMessage(mid, false, history, at));
        }

        if (opensWindow)
        {
            customer.LastCustomerMessageAt = at;
        }

        return (page, customer, at, mid);
    }

    private void PublishOptin(PageState page, CustomerState customer, JsonObject optin, DateTimeOffset at, MessengerShape? shape)
    {
        var form = shape ?? MessengerShape.Default;
        _store.Publish(page, "messaging_optins", MessengerEventJson.Optin(page.Id, customer.Psid, optin, at, form), at, form);
    }

    private IEnumerable<JsonNode> Attachment(CustomerAttachment a)
    {
        if (a.Type is "fallback" or "template")
        {
            yield return a.SharedJson();
            yield break;
        }

        var payload = new JsonObject();
        if (!a.WithoutUrl && a.Type != "location")
        {
            payload["url"] = a.Url ?? _store.Cdn.Add(a.Type, a.SizeBytes, a.FileName);
        }

        if (a.StickerId is not null)
        {
            payload["sticker_id"] = long.TryParse(a.StickerId, out var number) ? number : a.StickerId;
        }

        a.Booking?.WriteTo(payload);
        if (a.Latitude is { } lat && a.Longitude is { } lon)
        {
            payload["coordinates"] = new JsonObject { ["lat"] = lat, ["long"] = lon };
        }

        var attachment = new JsonObject { ["type"] = a.Type };
        if (a.Title is not null)
        {
            attachment["title"] = a.Title;
        }

        attachment["payload"] = a.WithoutPayload ? null : payload;
        yield return attachment;
        if (a.AlsoAsImage)
        {
            yield return new JsonObject { ["type"] = "image", ["payload"] = payload.DeepClone() };
        }
    }
}
