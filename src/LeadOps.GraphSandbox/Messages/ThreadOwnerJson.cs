using System.Text.Json.Nodes;

namespace LeadOps.GraphSandbox;

/// <summary>
/// The answer Meta's Conversation Control guide (messenger-platform/handover-protocol/conversation-control) prints for a
/// granted <c>take_thread_control</c>: <c>{"data":[{"thread_owner":{"app_id":APP-ID,"expiration":UNIX-TIMESTAMP}}]}</c>, the
/// app id unquoted as printed and the expiration the time after which the conversation returns to idle.
/// </summary>
internal static class ThreadOwnerJson
{
    /// <summary>How long a taken thread stays with its owner before it returns to idle (the response window).</summary>
    public static readonly TimeSpan IdleAfter = TimeSpan.FromHours(24);

    public static JsonObject Of(string? appId, DateTimeOffset expiration) => new()
    {
        ["data"] = new JsonArray(new JsonObject
        {
            ["thread_owner"] = new JsonObject
            {
                ["app_id"] = long.TryParse(appId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? (JsonNode)id : appId,
                ["expiration"] = expiration.ToUnixTimeSeconds(),
            },
        }),
    };
}
