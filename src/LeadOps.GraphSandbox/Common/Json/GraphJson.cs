using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LeadOps.GraphSandbox;

/// <summary>
/// JSON the way Graph writes it: snake_case names, no nulls, and Meta's escaping (every non-ASCII character as
/// <c>\uXXXX</c> and <c>/</c> as <c>\/</c>). The escaping matters for webhooks: a receiver that re-serialises the
/// body instead of checking the signature over the raw bytes will fail, as it does against Meta.
/// </summary>
internal static class GraphJson
{
    public static readonly JsonSerializerOptions Options = SnakeCase(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));

    /// <summary>Web defaults with snake_case names, no nulls and relaxed escaping; enums as <paramref name="enums"/> writes them.</summary>
    public static JsonSerializerOptions SnakeCase(JsonConverter enums) => new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { enums },
    };

    public static string Serialize<T>(T value) => MetaEscape(JsonSerializer.Serialize(value, Options));

    public static string Serialize(JsonNode node) => MetaEscape(node.ToJsonString(Options));

    public static JsonObject ToObject<T>(T value) =>
        JsonSerializer.SerializeToNode(value, Options)?.AsObject() ?? throw new InvalidOperationException("Expected a JSON object.");

    /// <summary>Graph's timestamp format: <c>2026-11-20T10:15:00+0000</c>.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture);

    public static string FormatTime(long unixSeconds) => FormatTime(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

    /// <summary>
    /// Escapes a compact JSON text the way Meta does. Safe on whole documents: outside strings JSON holds only ASCII
    /// and never a slash.
    /// </summary>
    public static string MetaEscape(string json)
    {
        var builder = new StringBuilder(json.Length + 16);
        foreach (var c in json)
        {
            if (c == '/')
            {
                builder.Append("\\/");
            }
            else if (c > '~')
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
