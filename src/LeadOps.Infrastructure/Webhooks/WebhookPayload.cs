namespace LeadOps.Infrastructure.Webhooks;

/// <summary>Reads the parts of a Meta webhook body LeadOps acts on. Unknown fields and events are ignored.</summary>
internal static class WebhookPayload
{
    public static IReadOnlyList<LeadgenChange> LeadgenChanges(JsonElement root)
    {
        var changes = new List<LeadgenChange>();
        foreach (var entry in Array(root, "entry"))
        {
            var entryPage = Id(entry, "id");
            foreach (var change in Array(entry, "changes"))
            {
                if (!change.TryGetProperty("field", out var field) || field.ValueKind != JsonValueKind.String || field.GetString() != "leadgen" ||
                    !change.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var leadgenId = Id(value, "leadgen_id");
                var pageId = Id(value, "page_id") ?? entryPage;
                if (leadgenId is not null && pageId is not null)
                {
                    changes.Add(new LeadgenChange(pageId, Id(value, "form_id") ?? string.Empty, leadgenId, UnixSeconds(value, "created_time")));
                }
            }
        }

        return changes;
    }

    /// <summary>
    /// Messenger events under <c>entry[].messaging[]</c> and <c>entry[].standby[]</c>: customer messages, echoes,
    /// deliveries and reads. Timestamps are milliseconds; <paramref name="receivedAt"/> stands in when one is missing.
    /// </summary>
    public static IReadOnlyList<MessengerWebhookEvent> MessengerEvents(JsonElement root, DateTimeOffset receivedAt)
    {
        var events = new List<MessengerWebhookEvent>();
        foreach (var entry in Array(root, "entry"))
        {
            var entryPage = Id(entry, "id");
            foreach (var (item, standby) in Array(entry, "messaging").Select(m => (m, false)).Concat(Array(entry, "standby").Select(m => (m, true))))
            {
                if (MessengerEvent(item, entryPage, standby, receivedAt) is { } messengerEvent)
                {
                    events.Add(messengerEvent);
                }
            }
        }

        return events;
    }

    private static MessengerWebhookEvent? MessengerEvent(JsonElement item, string? entryPage, bool standby, DateTimeOffset receivedAt)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var sender = item.TryGetProperty("sender", out var s) ? Id(s, "id") : null;
        var recipient = item.TryGetProperty("recipient", out var r) ? Id(r, "id") : null;
        var timestamp = Millis(item, "timestamp") ?? receivedAt;
        if (item.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object)
        {
            var echo = message.TryGetProperty("is_echo", out var isEcho) && isEcho.ValueKind == JsonValueKind.True;
            var (page, psid) = echo ? (entryPage ?? sender, recipient) : (entryPage ?? recipient, sender);
            return page is null || psid is null
                ? null
                : new MessengerWebhookEvent(echo ? MessengerEventKind.Echo : MessengerEventKind.Message, page, psid, timestamp,
                    Mid: Text(message, "mid", 200), Text: Text(message, "text", 20_000) ?? Attachments(message), AppId: Id(message, "app_id"), Standby: standby);
        }

        var (receiptPage, customer) = (entryPage ?? recipient, sender);
        if (receiptPage is null || customer is null)
        {
            return null;
        }

        if (item.TryGetProperty("delivery", out var delivery) && delivery.ValueKind == JsonValueKind.Object)
        {
            var mids = Array(delivery, "mids").Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!).Where(m => m.Length is > 0 and <= 200).ToList();
            return new MessengerWebhookEvent(MessengerEventKind.Delivery, receiptPage, customer, timestamp, Mids: mids, Watermark: Millis(delivery, "watermark"), Standby: standby);
        }

        if (item.TryGetProperty("read", out var read) && read.ValueKind == JsonValueKind.Object)
        {
            return new MessengerWebhookEvent(MessengerEventKind.Read, receiptPage, customer, timestamp, Mids: [], Watermark: Millis(read, "watermark"), Standby: standby);
        }

        return null;
    }

    /// <summary>A message without text (a photo, a sticker): say what it was.</summary>
    private static string? Attachments(JsonElement message)
    {
        var types = Array(message, "attachments").Select(a => Text(a, "type", 40) ?? "file").ToList();
        return types.Count == 0 ? null : $"(sent {string.Join(", ", types)})";
    }

    private static string? Text(JsonElement element, string name, int maxLength) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String &&
        value.GetString() is { Length: > 0 } text
            ? text.Length <= maxLength ? text : text[..maxLength]
            : null;

    private static DateTimeOffset? Millis(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number &&
        value.TryGetInt64(out var ms) && ms > 0 && ms < 253_402_300_799_000
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    /// <summary>A leadgen change's created_time: unix seconds as a number or a string of digits.</summary>
    private static DateTimeOffset? UnixSeconds(JsonElement element, string name) =>
        Id(element, name) is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and < 253_402_300_800
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray()
            : [];

    /// <summary>An id given as a JSON string or number (Meta's samples use numbers; real deliveries use strings).</summary>
    public static string? Id(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        var id = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.TryGetDecimal(out var d) ? d.ToString("0", CultureInfo.InvariantCulture) : value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(id) || id.Length > 64 ? null : id;
    }
}
