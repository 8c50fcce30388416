using System.Text.Json.Nodes;
using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.Inbox.Support;

/// <summary>
/// Messenger webhook bodies written the way Meta's reference pages show them, for events a test posts itself: in
/// <c>messaging[]</c>, in <c>standby[]</c>, or in the <c>changes[] {field, value}</c> form the App Dashboard's test button
/// sends. Times are the caller's (a number of milliseconds, or a string, as Meta's samples vary).
/// </summary>
public static class MetaEvents
{
    public static string Messaging(JsonObject messengerEvent, string pageId = SandboxSeed.MainPageId) => Entry(pageId, "messaging", new JsonArray(messengerEvent.DeepClone()));

    public static string Standby(JsonObject messengerEvent, string pageId = SandboxSeed.MainPageId) => Entry(pageId, "standby", new JsonArray(messengerEvent.DeepClone()));

    public static string Changes(string field, JsonObject messengerEvent, string pageId = SandboxSeed.MainPageId) =>
        Entry(pageId, "changes", new JsonArray(new JsonObject { ["field"] = field, ["value"] = messengerEvent.DeepClone() }));

    /// <summary>An event from the customer to the page: <c>sender</c>, <c>recipient</c>, <c>timestamp</c>, then <paramref name="name"/>.</summary>
    public static JsonObject FromCustomer(string psid, JsonNode timestamp, string name, JsonNode body, string pageId = SandboxSeed.MainPageId) => new()
    {
        ["sender"] = new JsonObject { ["id"] = psid },
        ["recipient"] = new JsonObject { ["id"] = pageId },
        ["timestamp"] = timestamp,
        [name] = body,
    };

    /// <summary>
    /// An echo: the page to the customer, with <paramref name="appId"/> (a number, a string, or left out when null), its
    /// text (left out when null) and its <paramref name="attachments"/>.
    /// </summary>
    public static JsonObject Echo(string psid, JsonNode timestamp, string mid, string? text, JsonNode? appId, string pageId = SandboxSeed.MainPageId, JsonArray? attachments = null)
    {
        var message = new JsonObject { ["is_echo"] = true };
        if (appId is not null)
        {
            message["app_id"] = appId;
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

        return new JsonObject
        {
            ["sender"] = new JsonObject { ["id"] = pageId },
            ["recipient"] = new JsonObject { ["id"] = psid },
            ["timestamp"] = timestamp,
            ["message"] = message,
        };
    }

    public static JsonNode Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    /// <summary>As Meta's postback reference shows it: <c>"timestamp":"1527459824"</c>, seconds in a string.</summary>
    public static JsonNode SecondsText(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static JsonNode MillisText(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Entry(string pageId, string name, JsonArray items) => new JsonObject
    {
        ["object"] = "page",
        ["entry"] = new JsonArray(new JsonObject { ["id"] = pageId, ["time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), [name] = items }),
    }.ToJsonString();
}
