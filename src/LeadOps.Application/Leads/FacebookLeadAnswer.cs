namespace LeadOps.Application.Leads;

public sealed record FacebookLeadAnswer(string Name, IReadOnlyList<string> Values);
