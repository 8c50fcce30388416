using LeadOps.Application.Common;

namespace LeadOps.Infrastructure.Persistence;

internal sealed class UnitOfWork(LeadOpsDbContext db) : IUnitOfWork
{
    public Task SaveChangesAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);
}
