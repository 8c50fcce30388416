namespace LeadOps.Application.Leads;

/// <summary>A lead already stored; <paramref name="WithoutAnswers"/> when Graph first sent it without <c>field_data</c>.</summary>
public sealed record ExistingLead(long Id, string Name, bool WithoutAnswers = false);
