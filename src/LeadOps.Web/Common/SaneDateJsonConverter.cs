using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeadOps.Web.Common;

/// <summary>Reads ISO-8601 dates in JSON bodies and refuses those outside <see cref="SaneDates"/> (a 400 that names the field).</summary>
internal sealed class SaneDateJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value))
        {
            throw new JsonException("must be an ISO-8601 date, e.g. 2026-11-20T10:15:00Z.");
        }

        return SaneDates.Contains(value) ? value : throw new JsonException($"must be a date {SaneDates.Range}.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
