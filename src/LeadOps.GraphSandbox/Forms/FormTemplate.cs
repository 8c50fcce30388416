namespace LeadOps.GraphSandbox;

/// <summary>The questions of a kind of lead form; the <see cref="LeadGenerator"/> answers them.</summary>
internal sealed record FormTemplate(string Kind, IReadOnlyList<FormQuestion> Questions);
