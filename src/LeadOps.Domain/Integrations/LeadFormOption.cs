namespace LeadOps.Domain.Integrations;

/// <summary>A choice of a multiple-choice question: the key a lead's answer holds, and the text the person saw.</summary>
public sealed record LeadFormOption(string Key, string Value);
