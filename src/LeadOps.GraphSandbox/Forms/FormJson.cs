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
            q.Key, q.Label, q.Type, $"{form.Id}{i:D2}", q.Options?.Select(o => new Option(o.Key, o.Value)).ToArray()))],
        new PageRef(form.Page.Id, form.Page.Name),
        "https://www.example.com/privacy");

    internal sealed record Question(string Key, string Label, string Type, string Id, IReadOnlyList<Option>? Options);

    internal sealed record Option(string Key, string Value);

    internal sealed record PageRef(string Id, string Name);
}
