namespace LeadOps.IntegrationTests.Graph.Support;

/// <summary>Graph answers shaped like the real API, for scripting.</summary>
public static class GraphPayloads
{
    public static ScriptedResponse Lead(string id, string createdTime = "2026-11-20T10:15:00+0000", IReadOnlyDictionary<string, string>? headers = null) =>
        ScriptedResponse.Json(LeadObject(id, createdTime), headers: headers);

    public static object LeadObject(string id, string createdTime = "2026-11-20T10:15:00+0000") => new
    {
        id,
        created_time = createdTime,
        form_id = "form-1",
        ad_id = "ad-1",
        is_organic = false,
        platform = "fb",
        field_data = new object[]
        {
            new { name = "full_name", values = new[] { "Ana Lima" } },
            new { name = "email", values = new[] { "ana@x.io" } },
        },
    };

    public static ScriptedResponse LeadPage(IEnumerable<object> leads, string? after, string? baseUrl = null) =>
        ScriptedResponse.Json(new
        {
            data = leads.ToArray(),
            paging = after is null
                ? (object)new { cursors = new { before = "start", after = "last" } }
                : new { cursors = new { before = "start", after }, next = $"{baseUrl ?? "https://graph.facebook.com/"}v25.0/form-1/leads?limit=25&after={after}" },
        });

    public static ScriptedResponse SendResult(string recipientId = "psid-1", string messageId = "m_1") =>
        ScriptedResponse.Json(new { recipient_id = recipientId, message_id = messageId });

    /// <summary>X-Business-Use-Case-Usage saying access comes back in <paramref name="minutes"/>.</summary>
    public static IReadOnlyDictionary<string, string> Throttled(string pageId, int minutes) => new Dictionary<string, string>
    {
        ["X-Business-Use-Case-Usage"] =
            $$"""{"{{pageId}}":[{"type":"leadgen","call_count":100,"total_cputime":20,"total_time":20,"estimated_time_to_regain_access":{{minutes}}}]}""",
    };
}
