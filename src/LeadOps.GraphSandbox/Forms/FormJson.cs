namespace LeadOps.GraphSandbox;

/// <summary>A lead form node as Graph answers it (also an item of the <c>leadgen_forms</c> edge).</summary>
internal sealed record FormJson(
    string Id, string Name, string? Status, string Locale, string CreatedTime, int LeadsCount, int ExpiredLeadsCount,
    IReadOnlyList<FormJson.Question> Questions, FormJson.PageRef Page, string PrivacyPolicyUrl)
{
    public static FormJson Of(FormState form, int leadsCount) => new(
        form.Id,
        form.Name,
        form.Status,
        form.Locale,
        GraphJson.FormatTime(form.CreatedUnix),
        leadsCount,
        0,
        [.. form.Template.Questions.Select((q, i) => new Question(
            q.Key, q.Label, q.Type, $"{form.Id}{i:D2}", q.Options?.Select(o => new Option(o.Key, o.Value)).ToArray())
            {
                ConditionalQuestionsGroupId = q.Conditional?.GroupId,
                ConditionalQuestionsChoices = q.Conditional?.Choices.Select(c => new Choice(c.Value, [.. c.Next.Select(n => new Choice(n, null))])).ToArray(),
                DependentConditionalQuestions = q.Conditional?.FollowUps.Select(f => new FollowUp(f.FieldKey, f.InputType, f.Name)).ToArray(),
            })],
        new PageRef(form.Page.Id, form.Page.Name),
        "https://www.example.com/privacy");

    /// <summary>A question; the conditional members are left out (as Graph leaves out what has no value) but for a conditional question.</summary>
    internal sealed record Question(string Key, string Label, string Type, string Id, IReadOnlyList<Option>? Options)
    {
        public string? ConditionalQuestionsGroupId { get; init; }

        public IReadOnlyList<Choice>? ConditionalQuestionsChoices { get; init; }

        public IReadOnlyList<FollowUp>? DependentConditionalQuestions { get; init; }
    }

    internal sealed record Option(string Key, string Value);

    /// <summary><c>LeadGenConditionalQuestionsGroupChoices</c>: <c>value</c> and <c>next_question_choices</c>.</summary>
    internal sealed record Choice(string Value, IReadOnlyList<Choice>? NextQuestionChoices);

    /// <summary><c>LeadGenConditionalQuestionsGroupQuestions</c>: <c>field_key</c>, <c>input_type</c> and <c>name</c>.</summary>
    internal sealed record FollowUp(string FieldKey, string InputType, string Name);

    internal sealed record PageRef(string Id, string Name);
}
