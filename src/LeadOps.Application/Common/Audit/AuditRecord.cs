namespace LeadOps.Application.Common.Audit;

/// <summary>
/// One row of the audit trail: what was done (<see cref="AuditActions"/>) to which thing and how it ended. The data
/// layer adds the actor and the time and writes it in the same save as the change. Never message text or tokens.
/// </summary>
public sealed record AuditRecord(string Action, string SubjectType, string SubjectId, string Outcome, string? Detail);
