using System.Text.Json.Nodes;

namespace LeadOps.GraphSandbox;

/// <summary>
/// The Messenger events Meta sends, one JSON object each, in the shapes of Meta's webhook reference: messages (with
/// attachments, quick replies, quoted replies, referrals), echoes, postbacks, reactions, edits, referrals, opt-ins,
/// handovers, policy enforcement, deliveries and reads. Times and ids are written the way the shape says.
/// </summary>
internal static class MessengerEventJson
{
    public static JsonObject CustomerMessage(string pageId, string psid, string mid, JsonObject message, DateTimeOffset at, MessengerShape shape) =>
        Event(Customer(psid, shape), pageId, at, shape, "message", message.Prepend("mid", mid));

    /// <summary>An echo as Meta's <c>message_echoes</c> reference writes it: <c>is_echo</c>, <c>app_id</c>, the sender's <c>metadata</c> (when it gave one), <c>mid</c>.</summary>
    public static JsonObject Echo(string pageId, string psid, string mid, string? text, JsonArray? attachments, string? appId, DateTimeOffset at, MessengerShape shape, string? metadata = null)
    {
        var message = new JsonObject { ["is_echo"] = true };
        AddAppId(message, "app_id", appId, shape);
        if (metadata is not null)
        {
            message["metadata"] = metadata;
        }

        message["mid"] = mid;
        if (text is not null)
        {
            message["text"] = text;
        }

        if (attachments is not null)
        {
            message["attachments"] = attachments;
        }

        return shape.Envelope == MessengerEnvelope.NoPageNamed
            ? Event(Party("id", psid), pageId, at, shape, "message", message)
            : Event(Party("id", pageId), psid, at, shape, "message", message);
    }

    public static JsonObject Postback(string pageId, string psid, string mid, string title, string? payload, SandboxReferral? referral, DateTimeOffset at, MessengerShape shape)
    {
        var postback = new JsonObject { ["mid"] = mid, ["title"] = title };
        if (payload is not null)
        {
            postback["payload"] = payload;
        }

        if (referral is not null)
        {
            postback["referral"] = Referral(referral);
        }

        return Event(Customer(psid, shape), pageId, at, shape, "postback", postback);
    }

    public static JsonObject Reaction(string pageId, string psid, string mid, string? emoji, string? reaction, bool unreact, DateTimeOffset at, MessengerShape shape)
    {
        var body = new JsonObject();
        if (!unreact)
        {
            body["reaction"] = reaction ?? "other";
            body["emoji"] = emoji;
        }

        body["action"] = unreact ? "unreact" : "react";
        body["mid"] = mid;
        var (sender, recipient) = shape.ReactionByPage ? (Party("id", pageId), psid) : (Customer(psid, shape), pageId);
        return shape.ReactionInsideMessage
            ? Event(sender, recipient, at, shape, "message", new JsonObject { ["reaction"] = body })
            : Event(sender, recipient, at, shape, "reaction", body);
    }

    public static JsonObject Edit(string pageId, string psid, string mid, string text, int numEdit, DateTimeOffset at, MessengerShape shape) =>
        Event(Customer(psid, shape), pageId, at, shape, "message_edit", new JsonObject { ["mid"] = mid, ["text"] = text, ["num_edit"] = numEdit });

    /// <summary><c>send_cart</c>: <c>order {products[] {id, retailer_id, name, unit_price, currency, quantity}, note}</c>, no mid.</summary>
    public static JsonObject Cart(string pageId, string psid, IReadOnlyList<SandboxCartProduct> products, string? note, DateTimeOffset at, MessengerShape shape)
    {
        var order = new JsonObject
        {
            ["products"] = new JsonArray([.. products.Select(p => new JsonObject
            {
                ["id"] = long.TryParse(p.Id, out var number) ? number : p.Id,
                ["retailer_id"] = p.RetailerId,
                ["name"] = p.Name,
                ["unit_price"] = p.UnitPrice,
                ["currency"] = p.Currency,
                ["quantity"] = p.Quantity,
            })]),
        };
        if (note is not null)
        {
            order["note"] = note;
        }

        return Event(Customer(psid, shape), pageId, at, shape, "order", order);
    }

    public static JsonObject Referral(string pageId, string psid, SandboxReferral referral, DateTimeOffset at, MessengerShape shape) =>
        Event(Customer(psid, shape), pageId, at, shape, "referral", Referral(referral));

    public static JsonObject Optin(string pageId, string psid, JsonObject optin, DateTimeOffset at, MessengerShape shape) =>
        Event(Customer(psid, shape), pageId, at, shape, "optin", optin);

    /// <summary><paramref name="action"/>: pass_thread_control, take_thread_control or request_thread_control.</summary>
    public static JsonObject Handover(string pageId, string psid, string action, JsonObject body, DateTimeOffset at, MessengerShape shape) =>
        Event(Customer(psid, shape), pageId, at, shape, action, body);

    /// <summary><c>app_roles {app id: [roles]}</c>, page-wide: no sender, only the page as recipient.</summary>
    public static JsonObject AppRoles(string pageId, IReadOnlyDictionary<string, string[]> roles, DateTimeOffset at, MessengerShape shape)
    {
        var body = new JsonObject();
        foreach (var (appId, appRoles) in roles)
        {
            body[appId] = new JsonArray([.. appRoles.Select(role => (JsonNode)role)]);
        }

        return new JsonObject { ["recipient"] = Party("id", pageId), ["timestamp"] = Time(at, shape), ["app_roles"] = body };
    }

    /// <summary>Writes an app id as the shape says: a number (when it is one), a string, or not at all; nothing when there is none.</summary>
    public static void AddAppId(JsonObject body, string name, string? appId, MessengerShape shape)
    {
        if (appId is null || shape.AppId == MessengerIdForm.Absent)
        {
            return;
        }

        body[name] = shape.AppId == MessengerIdForm.Number && long.TryParse(appId, out var number) ? number : appId;
    }

    /// <summary>A page-wide event: no sender, only the page as recipient.</summary>
    public static JsonObject Policy(string pageId, string action, string? reason, DateTimeOffset at, MessengerShape shape)
    {
        var body = new JsonObject { ["action"] = action };
        if (reason is not null)
        {
            body["reason"] = reason;
        }

        var key = shape.PolicyKeyWithHyphen ? "policy-enforcement" : "policy_enforcement";
        return new JsonObject { ["recipient"] = Party("id", pageId), ["timestamp"] = Time(at, shape), [key] = body };
    }

    public static JsonObject Delivery(string pageId, string psid, string mid, DateTimeOffset watermark, MessengerShape shape) =>
        Event(Customer(psid, shape), pageId, watermark, shape, "delivery", new JsonObject { ["mids"] = new JsonArray(mid), ["watermark"] = Time(watermark, shape) }, withTimestamp: false);

    public static JsonObject Read(string pageId, string psid, DateTimeOffset watermark, DateTimeOffset at, MessengerShape shape) =>
        Event(Customer(psid, shape), pageId, at, shape, "read", new JsonObject { ["watermark"] = Time(watermark, shape) });

    public static JsonObject Referral(SandboxReferral referral)
    {
        if (referral.ShopProductId is { } product)
        {
            return new JsonObject { ["product"] = new JsonObject { ["id"] = product } };
        }

        var body = new JsonObject();
        if (referral.Ref is not null)
        {
            body["ref"] = referral.Ref;
        }

        if (referral.AdId is not null)
        {
            body["ad_id"] = referral.AdId;
        }

        body["source"] = referral.Source;
        body["type"] = referral.Type;
        if (referral.RefererUri is not null)
        {
            body["referer_uri"] = referral.RefererUri;
        }

        // ads_context_data in the order of Meta's messaging_referrals reference; absent fields are left out.
        var context = new JsonObject();
        foreach (var (name, value) in new[] { ("ad_title", referral.AdTitle), ("photo_url", referral.PhotoUrl), ("video_url", referral.VideoUrl), ("post_id", referral.PostId), ("product_id", referral.ProductId) })
        {
            if (value is not null)
            {
                context[name] = value;
            }
        }

        if (context.Count > 0)
        {
            body["ads_context_data"] = context;
        }

        return body;
    }

    public static JsonNode Time(DateTimeOffset at, MessengerShape shape) => shape.Time switch
    {
        MessengerTimeForm.MillisString => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        MessengerTimeForm.SecondsString => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        _ => at.ToUnixTimeMilliseconds(),
    };

    private static JsonObject Event(JsonObject sender, string recipient, DateTimeOffset at, MessengerShape shape, string name, JsonNode body, bool withTimestamp = true)
    {
        var item = new JsonObject { ["sender"] = sender, ["recipient"] = Party("id", recipient) };
        if (withTimestamp)
        {
            item["timestamp"] = Time(at, shape);
        }

        item[name] = body;
        return item;
    }

    /// <summary>The customer as sender: their PSID, or a <c>user_ref</c> when the shape asks for a not-yet-identified customer.</summary>
    private static JsonObject Customer(string psid, MessengerShape shape) => shape.SenderAsUserRef ? Party("user_ref", "ref_" + psid) : Party("id", psid);

    private static JsonObject Party(string name, string id) => new() { [name] = id };

    private static JsonObject Prepend(this JsonObject body, string name, string value)
    {
        var ordered = new JsonObject { [name] = value };
        foreach (var (key, node) in body.ToList())
        {
            body.Remove(key);
            ordered[key] = node;
        }

        return ordered;
    }
}
