using System.Runtime.CompilerServices;
using LeadOps.Application.Common.Events;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LeadOps.Infrastructure.Persistence;

/// <summary>
/// The side effects of domain events, in one place (ADR 0008). Before a save it reads the events of the entities being
/// saved and adds the rows the <see cref="IDomainEventHandler"/>s ask for (audit entries, outbox rows) to that same
/// save; after the save committed it lets the handlers act (live pushes) and forgets the events. When the save fails,
/// the rows it added are taken out again and the events stay on their entities, so nothing is written or pushed for a
/// change that was not stored.
/// </summary>
internal sealed partial class DomainEventsInterceptor(IEnumerable<IDomainEventHandler> handlers, TimeProvider clock, ILogger<DomainEventsInterceptor> logger)
    : BeforeSaveInterceptor
{
    /// <summary>What the save in progress carries, per context (the interceptor is shared by every pooled context).</summary>
    private readonly ConditionalWeakTable<DbContext, Batch> _inFlight = [];
    private readonly IDomainEventHandler[] _handlers = [.. handlers];

    protected override void BeforeSave(DbContext? context) => Collect(context);

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        PublishAsync(eventData.Context).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await PublishAsync(eventData.Context);
        return result;
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

    private async Task PublishAsync(DbContext? context)
    {
        if (context is null || !_inFlight.TryGetValue(context, out var batch))
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

    private void Withdraw(DbContext? context)
    {
        if (context is null || !_inFlight.TryGetValue(context, out var batch))
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
    }
}
