using System.Text.Json.Nodes;

namespace LeadOps.GraphSandbox;

/// <summary>
/// Writes a JSON answer again with a comma after the last item of every non-empty list, as Meta's "Retrieving Leads" guide
/// prints its leads (<see cref="FaultKind.TrailingCommas"/>). Everything else is written as it was, escaped as Meta escapes.
/// </summary>
internal static class TrailingCommaJson
{
    public static string Rewrite(string json) => GraphJson.MetaEscape(Write(JsonNode.Parse(json)));

    private static string Write(JsonNode? node) => node switch
    {
        JsonArray { Count: 0 } => "[]",
        JsonArray list => "[" + string.Join(",", list.Select(Write)) + ",]",
        JsonObject item => "{" + string.Join(",", item.Select(p => JsonSerializer.Serialize(p.Key, GraphJson.Options) + ":" + Write(p.Value))) + "}",
        null => "null",
        _ => node.ToJsonString(GraphJson.Options),
    };
}
