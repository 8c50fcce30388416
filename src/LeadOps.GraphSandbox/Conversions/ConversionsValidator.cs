using System.Text.Json.Nodes;

namespace LeadOps.GraphSandbox;

/// <summary>
/// Checks a Conversions API body as Meta documents it (the payload specification of the Conversions API for CRM):
/// <c>data</c> an array of 1 to 1,000 events, each with <c>event_name</c>, <c>event_time</c> (unix seconds, not in the
/// future, at most 7 days old), a known <c>action_source</c> and <c>user_data</c>; a CRM event (with
/// <c>user_data.lead_id</c>) also needs <c>custom_data.event_source: "crm"</c> and <c>lead_event_source</c>, and its
/// lead must exist. Refusals have Meta's shape: code 100, "Invalid parameter", a subcode, <c>error_user_title</c> and
/// <c>error_user_msg</c>; one bad event refuses the whole batch.
/// </summary>
internal static class ConversionsValidator
{
    public const int MaxEvents = 1000;
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);

    private static readonly string[] ActionSources =
        ["email", "website", "app", "phone_call", "chat", "physical_store", "system_generated", "business_messaging", "other"];

    public static GraphError? Check(JsonNode? data, DateTimeOffset now, Func<string, bool> leadExists)
    {
        if (data is not JsonArray events || events.Count == 0)
        {
            return Invalid(2804019, "The parameter $['data'] is required.");
        }

        if (events.Count > MaxEvents)
        {
            return Invalid(2804028, $"You can send at most {MaxEvents} events in one request.");
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (CheckEvent(events[i] as JsonObject, $"$['data'][{i}]", now, leadExists) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>A value as an integer: a JSON number or a string of digits, as Meta takes both.</summary>
    public static long? Integer(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<long>(out var n) => n,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    private static GraphError? CheckEvent(JsonObject? e, string at, DateTimeOffset now, Func<string, bool> leadExists)
    {
        if (e is null)
        {
            return Invalid(2804019, $"The parameter {at} must be an event object.");
        }

        if (Text(e["event_name"]) is null)
        {
            return Required($"{at}['event_name']");
        }

        if (e["event_time"] is null)
        {
            return Required($"{at}['event_time']");
        }

        if (Integer(e["event_time"]) is not { } time || time > now.ToUnixTimeSeconds() + 60)
        {
            return Invalid(2804004, $"The parameter {at}['event_time'] must be a unix timestamp in seconds, not in the future.", "Event Timestamp In The Future");
        }

        if (now - DateTimeOffset.FromUnixTimeSeconds(time) > MaxAge)
        {
            return Invalid(2804003, $"The timestamp in {at}['event_time'] is more than 7 days in the past.", "Event Timestamp Too Old");
        }

        if (Text(e["action_source"]) is not { } source)
        {
            return Required($"{at}['action_source']");
        }

        if (!ActionSources.Contains(source))
        {
            return Invalid(2804050, $"The parameter {at}['action_source'] must be one of {string.Join(", ", ActionSources)}.");
        }

        if (e["user_data"] is not JsonObject user)
        {
            return Required($"{at}['user_data']");
        }

        return user["lead_id"] is { } leadId ? CheckCrm(leadId, e["custom_data"] as JsonObject, at, leadExists) : null;
    }

    private static GraphError? CheckCrm(JsonNode leadId, JsonObject? custom, string at, Func<string, bool> leadExists)
    {
        if (Integer(leadId) is not { } id)
        {
            return Invalid(2804015, $"The parameter {at}['user_data']['lead_id'] must be the 15 or 16 digit id of a lead from Meta's lead ads.", "Invalid Lead ID");
        }

        if (Text(custom?["event_source"]) != "crm")
        {
            return Invalid(2804019, $"The parameter {at}['custom_data']['event_source'] must be \"crm\" for an event with a lead_id.");
        }

        if (Text(custom?["lead_event_source"]) is null)
        {
            return Required($"{at}['custom_data']['lead_event_source']");
        }

        return leadExists(id.ToString(CultureInfo.InvariantCulture))
            ? null
            : Invalid(2804015, $"The lead_id {id} in {at}['user_data'] does not match a lead this business received.", "Invalid Lead ID");
    }

    private static GraphError Required(string parameter) => Invalid(2804019, $"The parameter {parameter} is required.");

    private static GraphError Invalid(int subcode, string message, string title = "Server-side API parameter error") =>
        new(400, 100, "Invalid parameter", subcode, IsTransient: false) { UserTitle = title, UserMessage = message };
}
