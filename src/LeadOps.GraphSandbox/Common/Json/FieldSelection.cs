using System.Text.Json.Nodes;

namespace LeadOps.GraphSandbox;

/// <summary>
/// The <c>fields</c> parameter: which fields a node or edge item answers with, in the requested order (the id always).
/// A field the node type lacks answers <c>(#100) Tried accessing nonexisting field</c>.
/// </summary>
internal static class FieldSelection
{
    /// <summary>A node read: the node with the requested fields, or the error for an unknown one.</summary>
    public static GraphReply Node<T>(GraphCall call, T value, NodeFields fields) =>
        Parse(call, fields, out var names) is { } error ? GraphReply.Fail(error) : GraphReply.Json(Pick(GraphJson.ToObject(value), names));

    /// <summary>The requested field names, or the defaults when the call names none.</summary>
    public static GraphError? Parse(GraphCall call, NodeFields fields, out IReadOnlyList<string> names)
    {
        var raw = call.Param("fields");
        names = fields.Defaults;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var requested = new List<string>();
        foreach (var part in SplitTopLevel(raw))
        {
            // Sub-selections ("field_data{name,values}") and modifiers ("x.limit(5)") narrow nested data: ignored here.
            var name = part.Split('{', '.', '(')[0].Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (!fields.Known.Contains(name))
            {
                return GraphErrors.NonexistingField(name, fields.NodeType);
            }

            requested.Add(name);
        }

        names = requested;
        return null;
    }

    /// <summary>Keeps only the named fields of a serialised node (the id always), in the named order.</summary>
    public static JsonObject Pick(JsonObject all, IReadOnlyList<string> fields)
    {
        var picked = new JsonObject();
        foreach (var field in fields)
        {
            if (!picked.ContainsKey(field) && all.TryGetPropertyValue(field, out var value) && value is not null)
            {
                all.Remove(field);
                picked[field] = value;
            }
        }

        if (!picked.ContainsKey("id") && all.TryGetPropertyValue("id", out var id) && id is not null)
        {
            all.Remove("id");
            picked["id"] = id;
        }

        return picked;
    }

    private static IEnumerable<string> SplitTopLevel(string raw)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            switch (raw[i])
            {
                case '{' or '(':
                    depth++;
                    break;
                case '}' or ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return raw[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return raw[start..];
    }
}
