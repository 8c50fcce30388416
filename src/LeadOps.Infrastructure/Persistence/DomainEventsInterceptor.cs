using System.Runtime.CompilerServices;
using LeadOps.Application.Common.Audit;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LeadOps.Infrastructure.Persistence;

/// <summary>
/// The side effects of domain events, in one place (ADR 0008). Before a save it reads the events of the entities being
/// saved and adds their audit rows to that same save; after the save committed it pushes their changes to the owners'
/// open Inbox pages and forgets the events. When the save fails, the audit rows it added are taken out again and the
/// events stay on their entities, so nothing is written or pushed for a change that was not stored.
/// </summary>
internal sealed partial class DomainEventsInterceptor(IInboxNotifier notifier, TimeProvider clock, ILogger<DomainEventsInterceptor> logger)
    : SaveChangesInterceptor
{
    /// <summary>What the save in progress carries, per context (the interceptor is shared by every pooled context).</summary>
    private readonly ConditionalWeakTable<DbContext, Batch> _inFlight = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

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
        foreach (var record in batch.Events.Select(ConversationAudit.For).OfType<AuditRecord>())
        {
            var entry = new AuditEntry
            {
                ActorId = db.CurrentUser.RequiredUserId,
                Action = record.Action,
                SubjectType = record.SubjectType,
                SubjectId = record.SubjectId,
                Outcome = record.Outcome,
                Detail = record.Detail is null ? null : TextLimit.Cut(record.Detail),
                At = clock.GetUtcNow(),
            };
            db.AuditEntries.Add(entry);
            batch.AuditRows.Add(entry);
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

        foreach (var change in batch.Events.Select(InboxPushes.For).OfType<InboxChange>())
        {
            try
            {
                await notifier.NotifyAsync(change, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The change is committed; a lost push costs the Inbox page a reload, never the change.
                LogPushFailed(logger, change.ConversationId, ex.GetType().Name);
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
        foreach (var row in batch.AuditRows)
        {
            context.Entry(row).State = EntityState.Detached;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox push for conversation {ConversationId} failed: {Error}")]
    private static partial void LogPushFailed(ILogger logger, Guid conversationId, string error);

    private sealed record Batch(IReadOnlyList<IHasDomainEvents> Raisers, IReadOnlyList<IDomainEvent> Events)
    {
        public List<AuditEntry> AuditRows { get; } = [];
    }
}
