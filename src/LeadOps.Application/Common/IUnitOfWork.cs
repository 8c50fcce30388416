namespace LeadOps.Application.Common;

/// <summary>Commits the changes the repositories collected, in one transaction.</summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="storeFirst"/> (conditional updates made straight in the store, such as a status move that
    /// races with webhooks) and saves the collected changes in the same transaction: both are stored or neither. The
    /// events' after-commit side effects (live pushes) run once that transaction has committed (ADR 0008).
    /// </summary>
    Task SaveChangesAsync(Func<CancellationToken, Task> storeFirst, CancellationToken cancellationToken);
}
