namespace LeadOps.Infrastructure.Graph.Json;

/// <summary>
/// What the lenient converters of nullable values share: JSON null reads as null, an object or an array is skipped and
/// reads as null (one odd value never costs the rest of the answer), and null writes as null.
/// </summary>
internal abstract class FlexibleValueConverter<T> : JsonConverter<T?>
    where T : struct
{
    public override bool HandleNull => true;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        return reader.TokenType == JsonTokenType.Null ? null : ReadValue(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            WriteValue(writer, v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>A string, number or boolean token; null when it does not read as a <typeparamref name="T"/>.</summary>
    protected abstract T? ReadValue(ref Utf8JsonReader reader);

    protected abstract void WriteValue(Utf8JsonWriter writer, T value);
}
