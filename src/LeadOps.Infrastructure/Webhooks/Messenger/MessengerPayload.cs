namespace LeadOps.Infrastructure.Webhooks.Messenger;

/// <summary>
/// Every Messenger event in a webhook body, in order: under <c>entry[].messaging[]</c>, under <c>entry[].standby[]</c>
/// (threads another app controls), in the <c>entry[].changes[] {field, value}</c> form the App Dashboard's test
/// button sends, and as a body that is one bare <c>{field, value}</c>, one bare entry or one bare event (the forms in which
/// the webhook reference pages print samples).
/// Unknown fields and events are skipped.
/// </summary>
internal static class MessengerPayload
{
    /// <summary>The <c>changes[].field</c> names that carry Messenger events.</summary>
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        "messages", "messaging_postbacks", "message_reactions", "message_edits", "messaging_referrals", "messaging_handovers",
        "messaging_policy_enforcement", "messaging_optins", "message_deliveries", "message_reads", "message_echoes", "standby", "send_cart",
    };

    public static IReadOnlyList<MessengerWebhookEvent> Events(JsonElement root, DateTimeOffset receivedAt) =>
        [.. Readings(root, receivedAt).Select(r => r.Event)];

    /// <summary>The events, each with its other reading where an entry may name the customer (see <see cref="MessengerReading"/>).</summary>
    public static IReadOnlyList<MessengerReading> Readings(JsonElement root, DateTimeOffset receivedAt)
    {
        var events = new List<MessengerReading>();
        foreach (var body in WebhookPayload.Bodies(root).Where(IsPageObject))
        {
            Read(events, body, receivedAt);
        }

        return events;
    }

    private static void Read(List<MessengerReading> events, JsonElement root, DateTimeOffset receivedAt)
    {
        foreach (var entry in WebhookPayload.Entries(root))
        {
            var page = MessengerJson.Id(entry, "id");

            // An event without its own timestamp (Meta's delivery receipts) takes the entry's time, which a redelivery
            // repeats, so an event without a mid keeps its key; without either, the time the delivery arrived, and its
            // key is a digest of its content (MessengerEventReader.Read).
            var at = MessengerJson.Time(entry, "time");
            foreach (var item in MessengerJson.Array(entry, "messaging"))
            {
                AddWithEchoReadBothWays(events, item, page, fromChanges: false, at, receivedAt);
            }

            foreach (var item in MessengerJson.Array(entry, "standby"))
            {
                var other = OtherPartyOfEntry(item, page) is { } otherParty ? MessengerEventReader.Read(item, otherParty, standby: true, fromChanges: false, at, receivedAt) : null;
                if ((MessengerEventReader.Read(item, page, standby: true, fromChanges: false, at, receivedAt) ?? other) is { } read)
                {
                    events.Add(new MessengerReading(read, ReferenceEquals(other, read) ? null : other));
                }
            }
            foreach (var change in MessengerJson.Array(entry, "changes"))
            {
                AddChange(events, change, page, at, receivedAt);
            }
        }

        if (WebhookPayload.IsBareChange(root))
        {
            AddChange(events, root, entryPage: null, entryTime: null, receivedAt);
        }
        else if (IsBareEvent(root))
        {
            // One event with no entry (how most Messenger reference pages print their samples): its page is the party it names.
            AddWithEchoReadBothWays(events, root, entryPage: null, fromChanges: true, entryTime: null, receivedAt);
        }
    }

    /// <summary>
    /// Whether the body is a Page's (Messenger's): <c>"object":"page"</c>, or no <c>object</c> at all (the reference pages'
    /// bare samples). Instagram's messaging webhooks (<c>"object":"instagram"</c>) write the same <c>messaging[]</c> events,
    /// but their entry is an Instagram account and their sender an Instagram-scoped id: LeadOps does not answer Instagram,
    /// so such a body (or one of any other object) is kept as delivered and holds no Messenger event (ADR 0005).
    /// </summary>
    public static bool IsPageObject(JsonElement root) =>
        root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("object", out var name) || name.ValueKind == JsonValueKind.Null ||
        (name.ValueKind == JsonValueKind.String && MessengerJson.String(name).Trim() is var text && (text.Length == 0 || string.Equals(text, "page", StringComparison.OrdinalIgnoreCase)));

    /// <summary>A body that is one Messenger event, <c>{"sender","recipient","timestamp",…}</c>, outside any entry or change.</summary>
    private static bool IsBareEvent(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("entry", out _) && !root.TryGetProperty("field", out _) &&
        MessengerJson.Object(root, "recipient") is not null;

    /// <summary>
    /// The page, when the entry's id names the customer rather than the page: the entry's id is one party of the event (the
    /// sender or the recipient, of any event, echo or not, as an entry may: see <see cref="MessengerReading"/>), and the page
    /// is then the event's other party. None when the event's two parties are one. Taken only when the entry's id is no
    /// connected page and that party is.
    /// </summary>
    private static string? OtherPartyOfEntry(JsonElement item, string? entryPage)
    {
        var sender = MessengerJson.Id(MessengerJson.Object(item, "sender"), "id");
        var recipient = MessengerJson.Id(MessengerJson.Object(item, "recipient"), "id");
        return entryPage is null || sender is null || recipient is null || sender == recipient ? null
            : sender == entryPage ? recipient
            : recipient == entryPage ? sender
            : null;
    }

    /// <summary>
    /// An event, and its other reading, taken when only that reading's page is connected: where nothing names the page (an
    /// entry without <c>id</c>, a bare event) and it is an echo, with the recipient as the page (Meta writes an echo's sender
    /// as the page, but SDK fixtures, howdyai/botkit's Facebook adapter tests, write the customer as the sender); and where
    /// the entry is named by one party, with the other as the page (chaskiq/chaskiq's Messenger hook spec writes the customer
    /// as the <c>id</c> of the entries of its <c>messaging[]</c> events, as the standby reference describes that id).
    /// </summary>
    private static void AddWithEchoReadBothWays(
        List<MessengerReading> events, JsonElement item, string? entryPage, bool fromChanges, DateTimeOffset? entryTime, DateTimeOffset receivedAt)
    {
        if (MessengerEventReader.Read(item, entryPage, standby: false, fromChanges, entryTime, receivedAt) is not { } read)
        {
            return;
        }

        var otherParty = entryPage is null && MessengerJson.Object(item, "message") is { } message && MessengerJson.IsTrue(message, "is_echo")
            ? MessengerJson.Id(MessengerJson.Object(item, "recipient"), "id")
            : OtherPartyOfEntry(item, entryPage);
        var other = otherParty is not null && otherParty != read.PageId ? MessengerEventReader.Read(item, otherParty, standby: false, fromChanges: false, entryTime, receivedAt) : null;
        events.Add(new MessengerReading(read, other?.PageId == otherParty ? other : null));
    }

    private static void AddChange(List<MessengerReading> events, JsonElement change, string? entryPage, DateTimeOffset? entryTime, DateTimeOffset receivedAt)
    {
        if (MessengerJson.Text(change, "field", 60) is { } field && Fields.Contains(field) && MessengerJson.Object(change, "value") is { } value)
        {
            Add(events, [MessengerEventReader.Read(value, entryPage, standby: field == "standby", fromChanges: true, entryTime, receivedAt)]);
        }
    }

    private static void Add(List<MessengerReading> events, IEnumerable<MessengerWebhookEvent?> read) =>
        events.AddRange(read.OfType<MessengerWebhookEvent>().Select(e => new MessengerReading(e)));
}
