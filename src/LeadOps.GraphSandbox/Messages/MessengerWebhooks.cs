using System.Text.Json.Nodes;

namespace LeadOps.GraphSandbox;

/// <summary>
/// Wraps a Messenger event in the webhook body Meta posts: a page entry with <c>messaging[]</c> or <c>standby[]</c>, or
/// the <c>changes[] {field, value}</c> form of the App Dashboard's test button, written byte for byte as Meta writes; or
/// as the one bare <c>{field, value}</c> the reference pages print.
/// </summary>
internal static class MessengerWebhooks
{
    private static readonly string[] Parties = ["sender", "recipient"];

    public static string Body(string pageId, string field, JsonObject messengerEvent, DateTimeOffset at, MessengerShape shape) =>
        shape.Envelope == MessengerEnvelope.BareChange ? WebhookJson.Write(w => WriteChange(w, field, messengerEvent)) : WebhookJson.PageEntry(w =>
        {
            if (shape.Envelope != MessengerEnvelope.NoPageNamed)
            {
                // The customer is whichever party is not the page: the sender of a message, the recipient of Meta's echo or of a
                // page's reaction, the sender of an SDK's echo.
                var customer = Parties.Select(party => messengerEvent[party]?["id"]?.GetValue<string>())
                    .FirstOrDefault(id => id is not null && id != pageId);
                w.WriteString("id", shape.EntryIdIsCustomer && customer is not null ? customer : pageId);
                w.WriteNumber("time", at.ToUnixTimeMilliseconds());
            }

            switch (shape.Envelope)
            {
                case MessengerEnvelope.Changes:
                    w.WriteStartArray("changes");
                    WriteChange(w, field, messengerEvent);
                    w.WriteEndArray();
                    break;
                default:
                    w.WriteStartArray(shape.Envelope == MessengerEnvelope.Standby ? "standby" : "messaging");
                    messengerEvent.WriteTo(w);
                    w.WriteEndArray();
                    break;
            }
        });

    private static void WriteChange(Utf8JsonWriter w, string field, JsonObject messengerEvent)
    {
        w.WriteStartObject();
        w.WriteString("field", field);
        w.WritePropertyName("value");
        messengerEvent.WriteTo(w);
        w.WriteEndObject();
    }
}
