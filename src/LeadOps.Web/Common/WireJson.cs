using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeadOps.Web.Common;

/// <summary>
/// How the JSON APIs name things on the wire: snake_case properties and enums as their snake_case names
/// (<c>ManualRetrieval</c> → <c>manual_retrieval</c>), with unknown request fields refused.
/// </summary>
internal static class WireJson
{
    public static JsonNamingPolicy Naming => JsonNamingPolicy.SnakeCaseLower;

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = Naming;
        options.Converters.Add(new JsonStringEnumConverter(Naming));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Add(new SaneDateJsonConverter());
    }

    /// <summary>A name in its wire form: <c>PageAccessToken</c> → <c>page_access_token</c>.</summary>
    public static string Name(string name) => Naming.ConvertName(name);

    /// <summary>An enum value as the APIs write it (and the pages show it).</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => Naming.ConvertName(value.ToString());

    /// <summary>Reads an enum value from its wire name exactly (no numbers, no other casing).</summary>
    public static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Name(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
