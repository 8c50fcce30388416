namespace LeadOps.Infrastructure.Graph.Json;

/// <summary>Reads a boolean sent as true/false, "true"/"false", 1/0 or "1"/"0" (consent check boxes); anything else reads as null.</summary>
internal sealed class FlexibleBooleanConverter : JsonConverter<bool?>
{
    public override bool HandleNull => true;

    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String:
                return Parse(reader.GetString());
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var number) ? number != 0 : null;
            case JsonTokenType.Null:
                return null;
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary>"true"/"false" (any case) or "1"/"0"; null for anything else.</summary>
    public static bool? Parse(string? text) => text?.Trim() switch
    {
        "1" => true,
        "0" => false,
        var t when bool.TryParse(t, out var parsed) => parsed,
        _ => null,
    };

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            writer.WriteBooleanValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
