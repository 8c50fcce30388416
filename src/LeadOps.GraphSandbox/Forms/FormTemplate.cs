namespace LeadOps.GraphSandbox;

/// <summary>
/// The questions of a kind of lead form, and the keys of its consent check boxes (its custom disclaimer's
/// <c>checkboxes</c>, answered in a lead's <c>custom_disclaimer_responses</c>); the <see cref="LeadGenerator"/> answers both.
/// </summary>
internal sealed record FormTemplate(string Kind, IReadOnlyList<FormQuestion> Questions, IReadOnlyList<string>? ConsentKeys = null);
