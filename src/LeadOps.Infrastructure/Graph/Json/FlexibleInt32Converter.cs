namespace LeadOps.Infrastructure.Graph.Json;

/// <summary>
/// Reads a whole number Graph may send as a number (<c>190</c>, <c>190.0</c>) or a string (<c>"190"</c>); anything else
/// (<c>""</c>, a value out of range, an object) reads as null, so one odd number never costs the rest of the answer.
/// </summary>
internal sealed class FlexibleInt32Converter : FlexibleValueConverter<int>
{
    protected override int? ReadValue(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.TryGetInt32(out var whole) ? whole : reader.TryGetDouble(out var number) ? Whole(number) : null,
        JsonTokenType.String => double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? Whole(parsed) : null,
        _ => null,
    };

    protected override void WriteValue(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);

    private static int? Whole(double number) =>
        double.IsFinite(number) && number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue ? (int)number : null;
}
