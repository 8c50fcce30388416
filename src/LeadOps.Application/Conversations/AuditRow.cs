namespace LeadOps.Application.Conversations;

/// <summary>One audit entry with the actor's name.</summary>
public sealed record AuditRow(AuditEntry Entry, string? ActorName);
