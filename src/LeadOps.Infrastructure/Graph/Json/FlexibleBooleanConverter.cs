namespace LeadOps.Infrastructure.Graph.Json;

/// <summary>Reads a boolean sent as true/false, "true"/"false", 1/0 or "1"/"0" (consent check boxes); anything else reads as null.</summary>
internal sealed class FlexibleBooleanConverter : FlexibleValueConverter<bool>
{
    protected override bool? ReadValue(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.String => Parse(reader.GetString()),
        JsonTokenType.Number => reader.TryGetInt64(out var number) ? number != 0 : null,
        _ => null,
    };

    /// <summary>"true"/"false" (any case) or "1"/"0"; null for anything else.</summary>
    public static bool? Parse(string? text) => text?.Trim() switch
    {
        "1" => true,
        "0" => false,
        var t when bool.TryParse(t, out var parsed) => parsed,
        _ => null,
    };

    protected override void WriteValue(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);
}
