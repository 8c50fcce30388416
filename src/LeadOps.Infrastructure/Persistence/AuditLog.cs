using LeadOps.Application.Common.Audit;
using LeadOps.Application.Common.Events;

namespace LeadOps.Infrastructure.Persistence;

/// <summary><see cref="IAuditLog"/>: one row, saved at once in a scope acting as the user it belongs to.</summary>
internal sealed class AuditLog(IOwnerScopeFactory owners, TimeProvider clock) : IAuditLog
{
    public async Task WriteAsync(string userId, AuditRecord record, CancellationToken cancellationToken)
    {
        await using var scope = owners.CreateScope(userId);
        var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
        db.AuditEntries.Add(record.ToEntry(new SaveContext(userId, clock.GetUtcNow())));
        await db.SaveChangesAsync(cancellationToken);
    }
}
