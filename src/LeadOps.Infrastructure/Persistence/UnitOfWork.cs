using LeadOps.Application.Common;

namespace LeadOps.Infrastructure.Persistence;

internal sealed class UnitOfWork(LeadOpsDbContext db) : IUnitOfWork
{
    public Task SaveChangesAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    public async Task SaveChangesAsync(Func<CancellationToken, Task> storeFirst, CancellationToken cancellationToken)
    {
        // On SQL Server the context retries transient failures: a transaction of the caller's must run inside the
        // strategy, and a retry runs the whole unit again. The tracked changes are accepted only once it has committed,
        // so a retry saves them again (DomainEventsInterceptor takes the failed attempt's rows out and writes them anew).
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false; // one save per transaction, rolled back whole on failure
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await storeFirst(ct);
                await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
                await transaction.CommitAsync(ct);
            }, cancellationToken);
            db.ChangeTracker.AcceptAllChanges();
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
    }
}
