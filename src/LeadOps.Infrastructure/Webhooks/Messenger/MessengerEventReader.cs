namespace LeadOps.Infrastructure.Webhooks.Messenger;

/// <summary>
/// One Messenger event, whichever webhook field it comes from, as LeadOps records it. A customer known only by a
/// <c>user_ref</c> (no page-scoped id yet: a checkbox plugin, a chat plugin guest) cannot be answered and is skipped;
/// an event of a kind LeadOps does not know is skipped too. Neither is an error.
/// </summary>
internal static class MessengerEventReader
{
    /// <summary>
    /// The event dated by its own <c>timestamp</c>, else by <paramref name="entryTime"/> (its entry's <c>time</c>), else by
    /// when it arrived. In that last case (bodies some SDKs post; never Meta's) the arrival time tells nothing about the
    /// event, so it also carries a digest of its own content (<see cref="MessengerWebhookEvent.ContentDigest"/>) to be
    /// stored once by however often it is posted.
    /// </summary>
    public static MessengerWebhookEvent? Read(JsonElement item, string? entryPage, bool standby, bool fromChanges, DateTimeOffset? entryTime, DateTimeOffset receivedAt)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var read = Read(item, entryPage, standby, fromChanges, entryTime ?? receivedAt);
        return read is not null && entryTime is null && MessengerJson.Time(item, "timestamp") is null
            ? read with { ContentDigest = CanonicalJson.Sha256(item) }
            : read;
    }

    private static MessengerWebhookEvent? Read(JsonElement item, string? entryPage, bool standby, bool fromChanges, DateTimeOffset timeIfNone)
    {
        var sender = MessengerJson.Id(MessengerJson.Object(item, "sender"), "id");
        var recipient = MessengerJson.Id(MessengerJson.Object(item, "recipient"), "id");
        var at = MessengerJson.Time(item, "timestamp") ?? timeIfNone;

        // messaging[] and standby[] sit in the page's entry; the dashboard's test (changes[]) may name another entry id,
        // so there the entry is the page only when it is one of the parties.
        var entryIsParty = entryPage is not null && (entryPage == sender || entryPage == recipient);
        string? PageOf(string? party) => fromChanges && !entryIsParty ? party ?? entryPage : entryPage ?? party;

        if (MessengerJson.Object(item, "message") is { } message && !IsReactionOnly(message))
        {
            // An echo is the page's message; so is one whose sender is the page. The customer is the party that is not the
            // page: SDK fixtures (botman/driver-facebook) write echoes with the customer as sender and the page as recipient.
            var flagged = MessengerJson.IsTrue(message, "is_echo");
            var page = PageOf(flagged ? sender : recipient);
            var echo = flagged || (sender is not null && sender == page);
            var psid = new[] { echo ? recipient : sender, echo ? sender : recipient }.FirstOrDefault(party => party is not null && party != page);
            // A message the customer took back ("is_deleted", as Meta's Instagram messaging webhooks send an unsend) is
            // no new message: what was said is kept, and nothing empty is added.
            return page is null || psid is null || MessengerJson.IsTrue(message, "is_deleted")
                ? null
                : new MessengerWebhookEvent(echo ? MessengerEventKind.Echo : MessengerEventKind.Message, page, psid, at,
                    Mid: MessengerJson.Text(message, "mid", Domain.Conversations.MessengerMessage.MidLength),
                    Text: MessengerJson.Text(message, "text", 20_000), AppId: MessengerJson.Id(message, "app_id"), Standby: standby)
                {
                    Attachments = MessengerContentReader.AttachmentsAndStory(message),
                    QuickReplyPayload = MessengerJson.Payload(MessengerJson.Object(message, "quick_reply")),
                    Metadata = echo ? MessengerJson.Text(message, "metadata", 1000) : null,
                    ReplyToMid = MessengerJson.Text(MessengerJson.Object(message, "reply_to"), "mid", Domain.Conversations.MessengerMessage.MidLength),
                    // Meta nests the referral in the message; public projects' models also put it beside the message.
                    Referral = MessengerContentReader.ReadReferral(message) ?? MessengerContentReader.ReadReferral(item),
                };
        }

        var pageId = PageOf(recipient);
        if (pageId is null)
        {
            return null;
        }

        // Meta's reference spells the key "policy_enforcement"; its older text (kept by SDKs) printed "policy-enforcement".
        if ((MessengerJson.Object(item, "policy_enforcement") ?? MessengerJson.Object(item, "policy-enforcement")) is { } policy)
        {
            return new MessengerWebhookEvent(MessengerEventKind.PolicyEnforcement, pageId, string.Empty, at, Standby: standby)
            {
                Policy = new MessengerPolicyEnforcement(MessengerJson.Text(policy, "action", 40), MessengerJson.Text(policy, "reason", 1000)),
            };
        }

        // The customer is the party that is not the page: SDK fixtures write handovers and receipts with the page as
        // sender and the customer as recipient, the other way round from Meta's reference. Meta's messaging_handovers
        // reference writes request_thread_control (and its older take_thread_control) with neither party the page:
        // "sender" is "<USER_ID>" and "recipient" is "<PSID>", the customer.
        var recipientIsCustomer = recipient is not null && recipient != pageId && (sender == pageId || MessengerContentReader.Handover(item) is not null);
        var customer = recipientIsCustomer ? recipient : sender;
        return customer is null || customer == pageId ? null : CustomerEvent(item, pageId, customer, at, standby, byPage: sender == pageId);
    }

    /// <summary>
    /// A message that only holds a reaction, <c>"message":{"reaction":{…}}</c>, as the "Replies and Reactions Webhooks" page
    /// (messenger-platform/webhook/reply_and_reactions) prints the schema: the customer reacted, and wrote nothing.
    /// </summary>
    private static bool IsReactionOnly(JsonElement message) =>
        MessengerJson.Object(message, "reaction") is not null && !MessengerJson.IsTrue(message, "is_echo") &&
        MessengerJson.Text(message, "text", 1) is null && MessengerContentReader.Attachments(message) is null;

    private static MessengerWebhookEvent? CustomerEvent(JsonElement item, string page, string psid, DateTimeOffset at, bool standby, bool byPage)
    {
        MessengerWebhookEvent Event(MessengerEventKind kind, string? mid = null) => new(kind, page, psid, at, Mid: mid, Standby: standby);
        const int MidLength = Domain.Conversations.MessengerMessage.MidLength;

        if (MessengerJson.Object(item, "postback") is { } postback)
        {
            return Event(MessengerEventKind.Postback, MessengerJson.Text(postback, "mid", MidLength)) with
            {
                Postback = new MessengerPostback(MessengerJson.Text(postback, "title", 500), MessengerJson.Payload(postback)),
                Referral = MessengerContentReader.ReadReferral(postback) ?? MessengerContentReader.ReadReferral(item),
            };
        }

        // Meta's reference writes the reaction beside the sender; its "Replies and Reactions Webhooks" page, inside a message.
        if ((MessengerJson.Object(item, "reaction") ?? (MessengerJson.Object(item, "message") is { } holder ? MessengerJson.Object(holder, "reaction") : null)) is { } reaction)
        {
            var unreact = string.Equals(MessengerJson.Text(reaction, "action", 20), "unreact", StringComparison.OrdinalIgnoreCase);
            return Event(MessengerEventKind.Reaction, MessengerJson.Text(reaction, "mid", MidLength)) with
            {
                Reaction = new MessengerReaction(MessengerJson.Text(reaction, "emoji", 40), MessengerJson.Text(reaction, "reaction", 40), unreact) { ByPage = byPage },
            };
        }

        if (MessengerJson.Object(item, "message_edit") is { } edit && MessengerJson.Text(edit, "text", 20_000) is { } text)
        {
            return Event(MessengerEventKind.Edit, MessengerJson.Text(edit, "mid", MidLength)) with { Edit = new MessengerEdit(text, MessengerJson.Int(edit, "num_edit") ?? 0) { ByPage = byPage } };
        }

        // send_cart: the customer sends the page a cart from its shop; it is their message (Meta gives it no mid).
        if (MessengerJson.Object(item, "order") is { } order && MessengerContentReader.Cart(order) is { } cart)
        {
            return Event(MessengerEventKind.Message) with { Text = cart };
        }

        if (MessengerContentReader.ReadReferral(item) is { } referral)
        {
            return Event(MessengerEventKind.Referral) with { Referral = referral };
        }

        if (MessengerJson.Object(item, "optin") is { } optin)
        {
            return Event(MessengerEventKind.Optin) with { Optin = MessengerContentReader.Optin(optin) };
        }

        if (MessengerContentReader.Handover(item) is { } handover)
        {
            return Event(MessengerEventKind.Handover) with { Handover = handover };
        }

        if (MessengerJson.Object(item, "delivery") is { } delivery)
        {
            var mids = MessengerJson.Array(delivery, "mids").Where(m => m.ValueKind == JsonValueKind.String).Select(MessengerJson.String)
                .Where(m => m.Length is > 0 and <= MidLength).ToList();
            return Event(MessengerEventKind.Delivery) with { Mids = mids, Watermark = MessengerJson.Time(delivery, "watermark") };
        }

        return MessengerJson.Object(item, "read") is { } read
            ? Event(MessengerEventKind.Read) with { Mids = [], Watermark = MessengerJson.Time(read, "watermark") }
            : null;
    }
}
