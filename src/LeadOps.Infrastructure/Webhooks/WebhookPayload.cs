using LeadOps.Infrastructure.Graph;

namespace LeadOps.Infrastructure.Webhooks;

/// <summary>Reads the parts of a Meta webhook body LeadOps acts on. Unknown fields and events are ignored.</summary>
internal static class WebhookPayload
{
    /// <summary>The lists an entry holds its events in.</summary>
    private static readonly string[] EntryLists = ["messaging", "standby", "changes"];

    public static IReadOnlyList<LeadgenChange> LeadgenChanges(JsonElement root)
    {
        var changes = new List<LeadgenChange>();
        foreach (var body in Bodies(root))
        {
            foreach (var entry in Entries(body))
            {
                var entryPage = Id(entry, "id");
                foreach (var change in Array(entry, "changes"))
                {
                    AddLeadgen(changes, change, entryPage);
                }
            }

            if (IsBareChange(body))
            {
                AddLeadgen(changes, body, entryPage: null);
            }
        }

        return changes;
    }

    /// <summary>
    /// The bodies a delivery holds: the delivery itself, or each object of a list of bodies, as Meta's Instagram Platform
    /// "Webhook Notification Examples" (developers.facebook.com/docs/instagram-platform/webhooks/examples) print a delivery,
    /// <c>[ {"object":"instagram","entry":[…]} ]</c> (see <see cref="MetaWebhookJson.IsDelivery"/>).
    /// </summary>
    public static IEnumerable<JsonElement> Bodies(JsonElement root) =>
        root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().Where(body => body.ValueKind == JsonValueKind.Object) : [root];

    /// <summary>
    /// The body's entries (each body's, for a list of bodies): <c>entry[]</c>, or the body itself when it is one bare entry (no <c>entry</c>, but
    /// <c>messaging[]</c>, <c>standby[]</c> or <c>changes[]</c>), as Meta's <c>messages</c> reference prints its "Message
    /// with attachment" sample: <c>{"id","time","messaging":[…]}</c>.
    /// </summary>
    public static IEnumerable<JsonElement> Entries(JsonElement root) =>
        root.ValueKind == JsonValueKind.Array ? Bodies(root).SelectMany(Entries) :
        root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("entry", out _) &&
        EntryLists.Any(list => root.TryGetProperty(list, out var items) && items.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
            ? [root]
            : Array(root, "entry");

    /// <summary>
    /// A body that is one <c>{"field","value"}</c> change with no <c>entry</c>: the form in which Meta's webhook reference
    /// pages print their samples (a page's <c>leadgen</c> field, Messenger's fields). Its page is the one the value names.
    /// </summary>
    public static bool IsBareChange(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("entry", out _) &&
        root.TryGetProperty("field", out var field) && field.ValueKind == JsonValueKind.String &&
        root.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object;

    /// <summary>
    /// A <c>leadgen</c> change; also one with no <c>field</c> at all whose value names a <c>leadgen_id</c>, as public
    /// projects' test scripts and published body models write it (a change of another field always names its field).
    /// </summary>
    private static void AddLeadgen(List<LeadgenChange> changes, JsonElement change, string? entryPage)
    {
        if (change.ValueKind != JsonValueKind.Object || !change.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object ||
            (change.TryGetProperty("field", out var field) && field.ValueKind != JsonValueKind.Null
                ? field.ValueKind != JsonValueKind.String || field.GetString() != "leadgen"
                : !value.TryGetProperty("leadgen_id", out _)))
        {
            return;
        }

        var leadgenId = Id(value, "leadgen_id");
        var pageId = Id(value, "page_id") ?? entryPage;
        if (leadgenId is not null && pageId is not null)
        {
            changes.Add(new LeadgenChange(pageId, Id(value, "form_id") ?? string.Empty, leadgenId, CreatedTime(value), entryPage));
        }
    }

    /// <summary>Messenger events of every kind and form (see <see cref="Messenger.MessengerPayload"/>).</summary>
    public static IReadOnlyList<MessengerWebhookEvent> MessengerEvents(JsonElement root, DateTimeOffset receivedAt) =>
        Messenger.MessengerPayload.Events(root, receivedAt);

    /// <summary>The same events, each with its other reading where an entry may name the customer (see <see cref="Messenger.MessengerReading"/>).</summary>
    public static IReadOnlyList<Messenger.MessengerReading> MessengerReadings(JsonElement root, DateTimeOffset receivedAt) =>
        Messenger.MessengerPayload.Readings(root, receivedAt);

    /// <summary>
    /// A leadgen change's created_time: unix seconds as a number or a string of digits (Meta's samples), milliseconds (as
    /// Messenger's times are) when the number is too large to be seconds, or an ISO-8601 string as Graph writes a lead's
    /// (<c>"2025-01-02T10:10:10+0000"</c>, in payloads kept by integrators). Anything else reads as not given.
    /// </summary>
    private static DateTimeOffset? CreatedTime(JsonElement value) =>
        GraphTime.TryParse(Id(value, "created_time"), out var time) ? time : null;

    /// <summary>
    /// The list <paramref name="name"/> holds: a JSON array; an object keyed "0", "1", … in order, as Meta's "Retrieving Leads"
    /// guide prints the leadgen body (a PHP array, <c>"entry" => array("0" => array(…))</c>) and as it reads when written out as
    /// JSON; or one object where the list belongs (public projects model <c>entry</c> so), a list of that one. Anything else is
    /// no list.
    /// </summary>
    public static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var list)
            ? list.ValueKind switch
            {
                JsonValueKind.Array => list.EnumerateArray(),
                JsonValueKind.Object when IsKeyedList(list) => list.EnumerateObject().Select(item => item.Value),
                JsonValueKind.Object => [list],
                _ => [],
            }
            : [];

    private static bool IsKeyedList(JsonElement element) =>
        element.EnumerateObject().Any() &&
        element.EnumerateObject().Select((item, index) => item.Name == index.ToString(CultureInfo.InvariantCulture)).All(inOrder => inOrder);

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
