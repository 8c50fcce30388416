namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// A form's <c>questions</c> as Graph sends them, read leniently: what is not a question with a key is left out. A
/// conditional question's follow-up questions (<c>dependent_conditional_questions</c>, each a <c>field_key</c> and a
/// <c>name</c> as Meta's business SDKs describe <c>LeadGenConditionalQuestionsGroupQuestions</c>) are questions too, listed
/// after it. That a lead answers a follow-up under its <c>field_key</c> is what the SDKs' types suggest, unverified.
/// </summary>
internal static class GraphFormQuestions
{
    public static IReadOnlyList<LeadFormQuestion>? Read(JsonElement? questions)
    {
        if (questions is not { ValueKind: JsonValueKind.Array } array)
        {
            return null;
        }

        // Questions of the form first, then each one's follow-ups after it: a follow-up is left out when a question of the
        // form, or an earlier follow-up (one shared by several groups), has its key, as downstream keeps the first question
        // with a key and a question of the form has the options.
        var parents = Objects(array).Select(q => (Question: Question(q), FollowUps: FollowUps(q))).ToList();
        var seen = parents.Select(p => p.Question?.Key).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var result = new List<LeadFormQuestion>();
        foreach (var (question, followUps) in parents)
        {
            if (question is not null)
            {
                result.Add(question);
            }

            result.AddRange(followUps.Where(f => seen.Add(f.Key)));
        }

        return result;
    }

    private static List<LeadFormQuestion> FollowUps(JsonElement question) =>
        question.TryGetProperty("dependent_conditional_questions", out var followUps) && followUps.ValueKind == JsonValueKind.Array
            ? [.. Objects(followUps).Select(Question).OfType<LeadFormQuestion>()]
            : [];

    /// <summary>A question: <c>key</c> and <c>label</c>, or a follow-up's <c>field_key</c> and <c>name</c>; null without a key.</summary>
    private static LeadFormQuestion? Question(JsonElement question)
    {
        if ((Text(question, "key") ?? Text(question, "field_key")) is not { } key)
        {
            return null;
        }

        var options = question.TryGetProperty("options", out var list) && list.ValueKind == JsonValueKind.Array
            ? Objects(list)
                .Select(o => (Key: Text(o, "key"), Value: Text(o, "value")))
                .Where(o => o.Key is not null)
                .Select(o => new LeadFormOption(o.Key!, o.Value ?? o.Key!))
                .ToList()
            : [];
        return new LeadFormQuestion(key, Text(question, "label") ?? Text(question, "name") ?? key, options);
    }

    private static IEnumerable<JsonElement> Objects(JsonElement array) => array.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.Object);

    /// <summary>A text or a number; null when missing, of another type, or empty, so that the next name is tried.</summary>
    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number && value.ToString() is { Length: > 0 } text
            ? text
            : null;
}
