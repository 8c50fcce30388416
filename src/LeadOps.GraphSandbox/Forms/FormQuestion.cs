namespace LeadOps.GraphSandbox;

/// <summary>
/// A question of a lead form: <c>key</c> is what appears as <c>field_data[].name</c>; a choice's key is the answer. A
/// conditional question (<paramref name="Conditional"/>) is answered with a choice's value, and its follow-up question too.
/// </summary>
internal sealed record FormQuestion(
    string Key, string Label, string Type, IReadOnlyList<FormOption>? Options = null, bool MultiSelect = false, FormConditional? Conditional = null);
