using LeadOps.Infrastructure.Graph.Dtos;

namespace LeadOps.Infrastructure.Graph.Json;

/// <summary>
/// Reads <see cref="GraphSuccessDto"/> from <c>{"success":…}</c>, or from a bare <c>true</c>/<c>false</c> (also as a
/// string or 1/0) as older Graph versions answer; anything else reads as no confirmation. An answer naming the thread's
/// owner, as Meta's Conversation Control guide prints a granted <c>take_thread_control</c>
/// (<c>{"data":[{"thread_owner":{"app_id":…,"expiration":…}}]}</c>), is marked <see cref="GraphSuccessDto.NamesThreadOwner"/>
/// for the take to read.
/// </summary>
internal sealed class GraphSuccessConverter : JsonConverter<GraphSuccessDto>
{
    public override GraphSuccessDto? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return new GraphSuccessDto { Success = new FlexibleBooleanConverter().Read(ref reader, typeof(bool?), options) };
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return new GraphSuccessDto
        {
            Success = root.TryGetProperty("success", out var value) ? value.Deserialize<bool?>(options) : null,
            NamesThreadOwner = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array &&
                data.EnumerateArray().Any(owner => owner.ValueKind == JsonValueKind.Object &&
                    owner.TryGetProperty("thread_owner", out var threadOwner) && threadOwner.ValueKind == JsonValueKind.Object),
        };
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
