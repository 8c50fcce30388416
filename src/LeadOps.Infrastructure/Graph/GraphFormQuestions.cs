namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// A form's <c>questions</c> as Graph sends them, read leniently: what is not a question with a key is left out. A
/// conditional question's follow-up questions (<c>dependent_conditional_questions</c>, each a <c>field_key</c> and a
/// <c>name</c> as Meta's business SDKs describe <c>LeadGenConditionalQuestionsGroupQuestions</c>) are questions too, listed
/// after it: leads answer them under their <c>field_key</c>.
/// </summary>
internal static class GraphFormQuestions
{
    public static IReadOnlyList<LeadFormQuestion>? Read(JsonElement? questions)
    {
        if (questions is not { ValueKind: JsonValueKind.Array } array)
        {
            return null;
        }

        var result = new List<LeadFormQuestion>();
        foreach (var question in Objects(array))
        {
            if (Question(question) is { } read)
            {
                result.Add(read);
            }

            if (question.TryGetProperty("dependent_conditional_questions", out var followUps) && followUps.ValueKind == JsonValueKind.Array)
            {
                // A follow-up shared by several groups is listed once, where it first comes.
                result.AddRange(Objects(followUps).Select(Question).OfType<LeadFormQuestion>().Where(f => result.TrueForAll(q => q.Key != f.Key)));
            }
        }

        return result;
    }

    /// <summary>A question: <c>key</c> and <c>label</c>, or a follow-up's <c>field_key</c> and <c>name</c>; null without a key.</summary>
    private static LeadFormQuestion? Question(JsonElement question)
    {
        if ((Text(question, "key") ?? Text(question, "field_key")) is not { Length: > 0 } key)
        {
            return null;
        }

        var options = question.TryGetProperty("options", out var list) && list.ValueKind == JsonValueKind.Array
            ? Objects(list)
                .Select(o => (Key: Text(o, "key"), Value: Text(o, "value")))
                .Where(o => !string.IsNullOrEmpty(o.Key))
                .Select(o => new LeadFormOption(o.Key!, o.Value ?? o.Key!))
                .ToList()
            : [];
        return new LeadFormQuestion(key, Text(question, "label") ?? Text(question, "name") ?? key, options);
    }

    private static IEnumerable<JsonElement> Objects(JsonElement array) => array.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.Object);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? value.ToString() : null;
}
