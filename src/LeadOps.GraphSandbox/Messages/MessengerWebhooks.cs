namespace LeadOps.GraphSandbox;

/// <summary>The Messenger webhooks Meta sends: a customer's message, the echo of a page's message, its delivery.</summary>
internal static class MessengerWebhooks
{
    public static string CustomerMessage(string pageId, string psid, string mid, string text, long timeMs) =>
        Messaging(pageId, timeMs, sender: psid, recipient: pageId, w =>
        {
            w.WriteNumber("timestamp", timeMs);
            WriteMessage(w, mid, text, echoOfAppId: null);
        });

    public static string Echo(string pageId, string psid, string mid, string text, string appId, long timeMs) =>
        Messaging(pageId, timeMs, sender: pageId, recipient: psid, w =>
        {
            w.WriteNumber("timestamp", timeMs);
            WriteMessage(w, mid, text, echoOfAppId: appId);
        });

    public static string Delivery(string pageId, string psid, string mid, long watermarkMs) =>
        Messaging(pageId, watermarkMs, sender: psid, recipient: pageId, w =>
        {
            w.WriteStartObject("delivery");
            w.WriteStartArray("mids");
            w.WriteStringValue(mid);
            w.WriteEndArray();
            w.WriteNumber("watermark", watermarkMs);
            w.WriteEndObject();
        });

    /// <summary>A page entry with one <c>messaging</c> event between <paramref name="sender"/> and <paramref name="recipient"/>.</summary>
    private static string Messaging(string pageId, long timeMs, string sender, string recipient, Action<Utf8JsonWriter> writeEvent) =>
        WebhookJson.PageEntry(w =>
        {
            w.WriteString("id", pageId);
            w.WriteNumber("time", timeMs);
            w.WriteStartArray("messaging");
            w.WriteStartObject();
            WriteParty(w, "sender", sender);
            WriteParty(w, "recipient", recipient);
            writeEvent(w);
            w.WriteEndObject();
            w.WriteEndArray();
        });

    private static void WriteMessage(Utf8JsonWriter w, string mid, string text, string? echoOfAppId)
    {
        w.WriteStartObject("message");
        if (echoOfAppId is not null)
        {
            w.WriteBoolean("is_echo", true);
            WebhookJson.WriteId(w, "app_id", echoOfAppId, asNumber: true);
        }

        w.WriteString("mid", mid);
        w.WriteString("text", text);
        w.WriteEndObject();
    }

    private static void WriteParty(Utf8JsonWriter w, string name, string id)
    {
        w.WriteStartObject(name);
        w.WriteString("id", id);
        w.WriteEndObject();
    }
}
