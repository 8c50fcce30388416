using LeadOps.Infrastructure.Graph.Dtos;

namespace LeadOps.Infrastructure.Graph.Json;

/// <summary>
/// Reads <see cref="GraphSuccessDto"/> from <c>{"success":…}</c>, or from a bare <c>true</c>/<c>false</c> (also as a
/// string or 1/0) as older Graph versions answer, or from a granted <c>take_thread_control</c> answered with the thread's
/// owner, as Meta's Conversation Control guide prints it (<c>{"data":[{"thread_owner":{"app_id":…,"expiration":…}}]}</c>);
/// anything else reads as no confirmation.
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
        else if (document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array &&
                 data.EnumerateArray().Any(owner => owner.ValueKind == JsonValueKind.Object &&
                     owner.TryGetProperty("thread_owner", out var threadOwner) && threadOwner.ValueKind == JsonValueKind.Object))
        {
            success = true;
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
