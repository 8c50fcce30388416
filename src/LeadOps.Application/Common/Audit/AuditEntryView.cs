namespace LeadOps.Application.Common.Audit;

public sealed record AuditEntryView(long Id, DateTimeOffset At, string ActorId, string ActorName, string Action, string SubjectType, string SubjectId, string Outcome, string? Detail, string? Via = null);
