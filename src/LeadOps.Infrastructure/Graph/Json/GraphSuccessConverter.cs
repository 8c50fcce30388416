using LeadOps.Infrastructure.Graph.Dtos;

namespace LeadOps.Infrastructure.Graph.Json;

/// <summary>
/// Reads <see cref="GraphSuccessDto"/> from <c>{"success":…}</c>, or from a bare <c>true</c>/<c>false</c> (also as a
/// string or 1/0) as older Graph versions answer; anything else reads as no confirmation.
/// </summary>
internal sealed class GraphSuccessConverter : JsonConverter<GraphSuccessDto>
{
    public override GraphSuccessDto? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return new GraphSuccessDto { Success = new FlexibleBooleanConverter().Read(ref reader, typeof(bool?), options) };
        }

        bool? success = null;
        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.TryGetProperty("success", out var value))
        {
            success = value.Deserialize<bool?>(options);
        }

        return new GraphSuccessDto { Success = success };
    }

    public override void Write(Utf8JsonWriter writer, GraphSuccessDto value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Success is { } success)
        {
            writer.WriteBoolean("success", success);
        }

        writer.WriteEndObject();
    }
}
