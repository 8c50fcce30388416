using System.Security.Cryptography;
using System.Text;

namespace LeadOps.Infrastructure.Webhooks.Messenger;

/// <summary>
/// A JSON value written one way only, whatever way it was sent: no whitespace, every object's names in ordinal order (a
/// name given twice keeps its last value), strings escaped alike, numbers as sent.
/// The same event posted again with other spacing, name order or escapes has the same digest; another event has another.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>
    /// The SHA-256 of the canonical form, as lower-case hex. A string holding half of a surrogate pair reads as
    /// <see cref="MessengerJson.String"/> reads it; a name holding one, which .NET cannot read, makes the digest that of
    /// the value's text as sent (the same bytes sent again still have the same digest), never a failed delivery.
    /// </summary>
    public static string Sha256(JsonElement value)
    {
        using var buffer = new MemoryStream();
        try
        {
            using var writer = new Utf8JsonWriter(buffer);
            Write(writer, value);
        }
        catch (InvalidOperationException)
        {
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value.GetRawText())));
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static void Write(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(MessengerJson.String(value));
                break;
            default:
                writer.WriteRawValue(value.GetRawText(), skipInputValidation: true);
                break;
        }
    }
}
