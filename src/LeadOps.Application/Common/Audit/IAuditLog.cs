namespace LeadOps.Application.Common.Audit;

/// <summary>
/// Audit rows no entity change carries: a sign-in changes no LeadOps entity, so its row is written here, as the user
/// who signed in (their trail, their owner). Every other row comes from a domain event in the save of its change.
/// </summary>
public interface IAuditLog
{
    Task WriteAsync(string userId, AuditRecord record, CancellationToken cancellationToken);
}
