using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;
using System.Runtime.CompilerServices;
using LeadOps.Application.Common.Events;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LeadOps.Infrastructure.Persistence;

/// <summary>
/// The side effects of domain events, in one place (ADR 0008). Before a save it reads the events of the entities being
/// saved and adds the rows the <see cref="IDomainEventHandler"/>s ask for (audit entries, outbox rows) to that same
/// save; after the save committed it lets the handlers act (live pushes) and forgets the events. A save inside a
/// transaction the caller opened has committed only when that transaction does: the handlers act then, and when it
/// rolls back (or fails to commit) the save counts as failed. When the save fails, the rows it added are taken out
/// again and the events stay on their entities, so nothing is written or pushed for a change that was not stored.
/// </summary>
internal sealed partial class DomainEventsInterceptor(IEnumerable<IDomainEventHandler> handlers, TimeProvider clock, ILogger<DomainEventsInterceptor> logger)
    : BeforeSaveInterceptor, IDbTransactionInterceptor
{
    /// <summary>What the save in progress carries, per context (the interceptor is shared by every pooled context).</summary>
    private readonly ConditionalWeakTable<DbContext, Batch> _inFlight = [];
    private readonly IDomainEventHandler[] _handlers = [.. handlers];

    protected override void BeforeSave(DbContext? context) => Collect(context);

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (!HeldForTransaction(eventData.Context))
        {
            PublishAsync(eventData.Context).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (!HeldForTransaction(eventData.Context))
        {
            await PublishAsync(eventData.Context);
        }

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        PublishAsync(eventData.Context, heldOnly: true).GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        PublishAsync(eventData.Context, heldOnly: true);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Abandon(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Abandon(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The caller's transaction did not commit: its rows go, and each event follows its entity's change. Where the save
    /// left the change pending (saved without accepting it, as <c>UnitOfWork</c> does for a retry), the events stay
    /// and a save that stores the change records them; where the save accepted it, the change is gone with the
    /// transaction, and so are its events.
    /// </summary>
    private void Abandon(DbContext? context)
    {
        if (context is null || !_inFlight.TryGetValue(context, out var batch) || !batch.Held)
        {
            return;
        }

        Withdraw(context, heldOnly: true);
        foreach (var raiser in batch.Raisers.Where(r => context.Entry(r).State is EntityState.Unchanged or EntityState.Detached))
        {
            raiser.ClearDomainEvents();
        }
    }

    /// <summary>
    /// A save inside a transaction the caller opened is stored only when that transaction commits: its batch waits for
    /// it (EF's own transaction for a save has ended by the time the save returns, so this is the caller's).
    /// </summary>
    private bool HeldForTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null || !_inFlight.TryGetValue(context, out var batch))
        {
            return false;
        }

        batch.HeldBy = context.Database.CurrentTransaction;
        return true;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Withdraw(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Withdraw(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is not LeadOpsDbContext db)
        {
            return;
        }

        // A batch still here is from a save whose transaction never committed (an execution strategy's retry, or a
        // caller that gave up): its rows go, and the events still on their entities are collected again below. A second
        // save in a transaction whose first save was accepted would publish the first one's events twice: refused.
        if (_inFlight.TryGetValue(db, out var earlier) && earlier.HeldBy is { } open && open == db.Database.CurrentTransaction)
        {
            throw new InvalidOperationException("Domain events support one save per transaction: save once, then commit.");
        }

        Withdraw(db);
        var raisers = db.ChangeTracker.Entries<IHasDomainEvents>().Select(e => e.Entity).Where(e => e.DomainEvents.Count > 0).ToList();
        var batch = new Batch(raisers, [.. raisers.SelectMany(e => e.DomainEvents)]);
        _inFlight.AddOrUpdate(db, batch);
        if (batch.Events.Count == 0)
        {
            return;
        }

        var save = new SaveContext(db.CurrentUser.RequiredUserId, clock.GetUtcNow(), db.CurrentUser.Via);
        foreach (var row in batch.Events.SelectMany(e => _handlers.SelectMany(h => h.OnSaving(e, save))))
        {
            db.Add(row);
            batch.Rows.Add(row);
        }
    }

    private async Task PublishAsync(DbContext? context, bool heldOnly = false)
    {
        if (context is null || !_inFlight.TryGetValue(context, out var batch) || (heldOnly && !batch.Held))
        {
            return;
        }

        _inFlight.Remove(context);
        foreach (var raiser in batch.Raisers)
        {
            raiser.ClearDomainEvents();
        }

        foreach (var domainEvent in batch.Events)
        {
            foreach (var handler in _handlers)
            {
                try
                {
                    await handler.OnCommittedAsync(domainEvent, CancellationToken.None);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The change is committed; a lost push costs a page a reload, never the change.
                    LogAfterCommitFailed(logger, handler.GetType().Name, domainEvent.GetType().Name, ex.GetType().Name);
                }
            }
        }
    }

    private void Withdraw(DbContext? context, bool heldOnly = false)
    {
        if (context is null || !_inFlight.TryGetValue(context, out var batch) || (heldOnly && !batch.Held))
        {
            return;
        }

        _inFlight.Remove(context);
        foreach (var row in batch.Rows)
        {
            context.Entry(row).State = EntityState.Detached;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Handler} failed after the save of {Event} committed: {Error}")]
    private static partial void LogAfterCommitFailed(ILogger logger, string handler, string @event, string error);

    private sealed record Batch(IReadOnlyList<IHasDomainEvents> Raisers, IReadOnlyList<IDomainEvent> Events)
    {
        public List<object> Rows { get; } = [];

        /// <summary>The caller's transaction this batch was saved in: published when it commits, withdrawn when it does not.</summary>
        public IDbContextTransaction? HeldBy { get; set; }

        public bool Held => HeldBy is not null;
    }
}
