namespace LeadOps.Application.Leads.Queries;

/// <summary>
/// One answer as people read it: the question's label (its key when the form's questions are not known) and each value
/// as the option text the person picked (the value itself when it is not one of the options).
/// </summary>
public sealed record LabelledAnswer(string Key, string Question, IReadOnlyList<string> Values)
{
    public static IReadOnlyList<LabelledAnswer> Label(IReadOnlyList<LeadAnswer> answers, IReadOnlyList<LeadFormQuestion> questions)
    {
        var byKey = questions.GroupBy(q => q.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return [.. answers.Select(a => byKey.TryGetValue(a.Name, out var question)
            ? new LabelledAnswer(a.Name, question.Label, [.. a.Values.Select(v => question.Options.FirstOrDefault(o => o.Key == v)?.Value ?? v)])
            : new LabelledAnswer(a.Name, a.Name, a.Values))];
    }
}
