namespace LeadOps.Infrastructure.Graph.Json;

/// <summary>
/// Reads an object Graph may send in an odd shape (a string, a number, a list where an object belongs) as not given,
/// instead of failing the answer it is part of. Set on properties only (<see cref="LenientShapes"/>): reading the
/// object itself goes back to the type's own converter.
/// </summary>
internal sealed class LenientObjectConverter<T> : JsonConverter<T>
    where T : class
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        return JsonSerializer.Deserialize<T>(ref reader, options);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);
}
