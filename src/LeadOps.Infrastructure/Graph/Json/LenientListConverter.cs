namespace LeadOps.Infrastructure.Graph.Json;

/// <summary>
/// Reads a list Graph may send in an odd shape without failing the answer it is part of: items that cannot be read are
/// left out; a single value where a list belongs is a list of that value (when the items are raw values); anything else
/// reads as no list, unless <paramref name="listRequired"/> (a page's <c>data</c>: read as no list, the page would seem
/// empty and its leads be skipped), where it is refused.
/// </summary>
internal sealed class LenientListConverter<T>(bool listRequired) : JsonConverter<List<T>>
{
    public LenientListConverter()
        : this(listRequired: false)
    {
    }

    public override List<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = JsonElement.ParseValue(ref reader);
        if (value.ValueKind == JsonValueKind.Array)
        {
            return value.EnumerateArray().Select(item => Item(item, options)).Where(item => item is not null).Select(item => item!).ToList();
        }

        if (listRequired)
        {
            throw new JsonException($"Graph sent a page whose data is {value.ValueKind}, not a list.");
        }

        return (typeof(T) == typeof(JsonElement) || typeof(T) == typeof(string)) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number && Item(value, options) is { } single
            ? [single]
            : null;
    }

    public override void Write(Utf8JsonWriter writer, List<T> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);

    private static T? Item(JsonElement item, JsonSerializerOptions options)
    {
        try
        {
            return item.Deserialize<T>(options);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
