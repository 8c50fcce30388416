namespace LeadOps.Infrastructure.Graph.Json;

/// <summary>
/// Reads a whole number Graph may send as a number (<c>190</c>, <c>190.0</c>) or a string (<c>"190"</c>); anything else
/// (<c>""</c>, a value out of range, an object) reads as null, so one odd number never costs the rest of the answer.
/// </summary>
internal sealed class FlexibleInt32Converter : JsonConverter<int?>
{
    public override bool HandleNull => true;

    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt32(out var whole) ? whole : reader.TryGetDouble(out var number) ? Whole(number) : null;
            case JsonTokenType.String:
                return double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? Whole(parsed) : null;
            case JsonTokenType.Null:
                return null;
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            writer.WriteNumberValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static int? Whole(double number) =>
        double.IsFinite(number) && number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue ? (int)number : null;
}
