using System.Text.Json;
using System.Text.Json.Nodes;

namespace LeadOps.Application.Leads.Conversions;

/// <summary>
/// One CRM event as Meta's Conversions API for CRM documents it: <c>event_name</c> (the stage), <c>event_time</c> (unix
/// seconds), <c>action_source: "system_generated"</c>, <c>user_data.lead_id</c> (the leadgen id, a number, unhashed),
/// <c>custom_data.event_source: "crm"</c> and <c>lead_event_source: "LeadOps"</c>; <c>test_event_code</c> in test mode.
/// </summary>
public sealed record ConversionRequest(string EventName, long EventTime, long LeadId, string? TestEventCode)
{
    public const string ActionSource = "system_generated";
    public const string EventSource = "crm";
    public const string LeadEventSource = "LeadOps";

    /// <summary>The request body; the access token is added by the gateway only and never stored.</summary>
    public JsonObject ToBody(string? accessToken = null)
    {
        var body = new JsonObject
        {
            ["data"] = new JsonArray(new JsonObject
            {
                ["event_name"] = EventName,
                ["event_time"] = EventTime,
                ["action_source"] = ActionSource,
                ["user_data"] = new JsonObject { ["lead_id"] = LeadId },
                ["custom_data"] = new JsonObject { ["event_source"] = EventSource, ["lead_event_source"] = LeadEventSource },
            }),
        };
        if (TestEventCode is not null)
        {
            body["test_event_code"] = TestEventCode;
        }

        if (accessToken is not null)
        {
            body["access_token"] = accessToken;
        }

        return body;
    }

    public string ToJson() => ToBody().ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
