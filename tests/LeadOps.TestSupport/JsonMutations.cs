using System.Text.Json.Nodes;

namespace LeadOps.TestSupport;

/// <summary>
/// Every value of a JSON sample in turn, left out or replaced by a value of another JSON type: for tests that show a
/// reader of Meta's JSON (webhooks, Graph answers) takes whatever shape a value comes in.
/// </summary>
public static class JsonMutations
{
    /// <summary>What each value is replaced with; <c>null</c> here means the property (or element) is left out.</summary>
    public static IReadOnlyList<Func<JsonNode?>?> Replacements { get; } =
    [
        null,
        () => null,
        () => true,
        () => -1,
        () => 1.5,
        () => JsonNode.Parse("123456789012345678901234567890"),
        () => "",
        () => "x",
        () => new JsonObject(),
        () => new JsonArray(),
        () => new JsonArray((JsonNode?)null),
    ];

    /// <summary>The path to every value under <paramref name="node"/>: property names and array indexes.</summary>
    public static IEnumerable<object[]> Paths(JsonNode node, object[]? prefix = null)
    {
        prefix ??= [];
        IEnumerable<(object Step, JsonNode? Child)> children = node switch
        {
            JsonObject o => o.Select(p => ((object)p.Key, p.Value)),
            JsonArray a => a.Select((c, i) => ((object)i, c)),
            _ => [],
        };
        foreach (var (step, child) in children)
        {
            object[] path = [.. prefix, step];
            yield return path;
            if (child is not null)
            {
                foreach (var deeper in Paths(child, path))
                {
                    yield return deeper;
                }
            }
        }
    }

    /// <summary>A copy of <paramref name="sample"/> with the value at <paramref name="path"/> replaced (or left out when <paramref name="replacement"/> is null).</summary>
    public static T Mutated<T>(T sample, object[] path, Func<JsonNode?>? replacement)
        where T : JsonNode
    {
        var copy = (T)sample.DeepClone();
        JsonNode parent = copy;
        foreach (var step in path[..^1])
        {
            parent = step is int i ? parent[i]! : parent[(string)step]!;
        }

        switch (parent, path[^1], replacement)
        {
            case (JsonObject o, string key, null):
                o.Remove(key);
                break;
            case (JsonArray a, int index, null):
                a.RemoveAt(index);
                break;
            case (JsonObject o, string key, { } make):
                o[key] = make();
                break;
            case (JsonArray a, int index, { } make):
                a[index] = make();
                break;
        }

        return copy;
    }

    /// <summary>How a replacement reads in a failure message.</summary>
    public static string Describe(object[] path, Func<JsonNode?>? replacement) =>
        $"{string.Join('.', path)} = {(replacement is null ? "(left out)" : replacement()?.ToJsonString() ?? "null")}";
}
