namespace LeadOps.GraphSandbox;

/// <summary>Writes webhook payloads byte for byte in Meta's shape: compact, in Meta's order, with Meta's escaping.</summary>
internal static class WebhookJson
{
    /// <summary>The text <paramref name="write"/> writes, escaped as Meta escapes (<c>\uXXXX</c>, <c>\/</c>).</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = GraphJson.Options.Encoder }))
        {
            write(writer);
        }

        return GraphJson.MetaEscape(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>The <c>{"object":"page","entry":[{…}]}</c> envelope around one page entry.</summary>
    public static string PageEntry(Action<Utf8JsonWriter> writeEntry) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("object", "page");
        w.WriteStartArray("entry");
        w.WriteStartObject();
        writeEntry(w);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>Writes an id as a number when asked and possible (Meta's samples), otherwise as a string.</summary>
    public static void WriteId(Utf8JsonWriter w, string name, string id, bool asNumber)
    {
        if (asNumber && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            w.WriteNumber(name, number);
        }
        else
        {
            w.WriteString(name, id);
        }
    }
}
