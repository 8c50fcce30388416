namespace LeadOps.Domain.Leads;

/// <summary>One question's answers, keyed by the form's question key; a question can hold several answers or none.</summary>
public sealed record LeadAnswer(string Name, IReadOnlyList<string> Values);
