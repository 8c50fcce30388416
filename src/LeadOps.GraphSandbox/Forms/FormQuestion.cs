namespace LeadOps.GraphSandbox;

/// <summary>A question of a lead form: <c>key</c> is what appears as <c>field_data[].name</c>; a choice's key is the answer.</summary>
internal sealed record FormQuestion(string Key, string Label, string Type, IReadOnlyList<FormOption>? Options = null, bool MultiSelect = false);
