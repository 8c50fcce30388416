using LeadOps.Application.Common.Audit;

namespace LeadOps.Infrastructure.Persistence;

/// <summary>Adds audit entries for the acting user to the unit of work (saved with the change they describe).</summary>
internal sealed class AuditTrail(LeadOpsDbContext db, ICurrentUser currentUser, TimeProvider clock) : IAuditTrail
{
    public void Record(string action, string subjectType, string subjectId, string outcome, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            ActorId = currentUser.RequiredUserId,
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId,
            Outcome = outcome,
            Detail = detail is null || detail.Length <= 1000 ? detail : detail[..1000],
            At = clock.GetUtcNow(),
        });
}
