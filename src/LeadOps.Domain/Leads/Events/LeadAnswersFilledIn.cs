namespace LeadOps.Domain.Leads.Events;

/// <summary>
/// A lead stored without answers (Graph sent it without <c>field_data</c>) was met again with them and took them in
/// (<see cref="Lead.FillInAnswers"/>); its handler writes the audit row.
/// </summary>
public sealed record LeadAnswersFilledIn(Lead Lead, int Answers) : IDomainEvent;
