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

    /// <summary>Messenger events of every kind and form (see <see cref="Messenger.MessengerPayload"/>).</summary>
    public static IReadOnlyList<MessengerWebhookEvent> MessengerEvents(JsonElement root, DateTimeOffset receivedAt) =>
        Messenger.MessengerPayload.Events(root, receivedAt);

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
