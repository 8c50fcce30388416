namespace LeadOps.Infrastructure.Graph;

/// <summary>A form's <c>questions</c> as Graph sends them, read leniently: what is not a question with a key is left out.</summary>
internal static class GraphFormQuestions
{
    public static IReadOnlyList<LeadFormQuestion>? Read(JsonElement? questions)
    {
        if (questions is not { ValueKind: JsonValueKind.Array } array)
        {
            return null;
        }

        var result = new List<LeadFormQuestion>();
        foreach (var question in array.EnumerateArray().Where(q => q.ValueKind == JsonValueKind.Object))
        {
            if (Text(question, "key") is not { Length: > 0 } key)
            {
                continue;
            }

            var options = question.TryGetProperty("options", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.Object)
                    .Select(o => (Key: Text(o, "key"), Value: Text(o, "value")))
                    .Where(o => !string.IsNullOrEmpty(o.Key))
                    .Select(o => new LeadFormOption(o.Key!, o.Value ?? o.Key!))
                    .ToList()
                : [];
            result.Add(new LeadFormQuestion(key, Text(question, "label") ?? key, options));
        }

        return result;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? value.ToString() : null;
}
