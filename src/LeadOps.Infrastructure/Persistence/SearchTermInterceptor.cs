using System.Linq.Expressions;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LeadOps.Infrastructure.Persistence;

/// <summary>
/// Keeps the Inbox's word index at one row per word per conversation (ADR 0020): before a save, the new terms a
/// conversation already has, in the database or twice in this save, are left out. A customer who writes "orçamento"
/// in ten messages is found by one index entry, and a reply of ten known words writes nothing to the index. One query
/// per save that adds terms, on the (conversation) index; two saves racing may still store a word twice, which the
/// search (it counts conversations, not rows) does not notice.
/// </summary>
internal sealed class SearchTermInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (New(eventData.Context) is { Count: > 0 } added)
        {
            try
            {
                Drop(added, [.. ExistingQuery(eventData.Context!, Conversations(added), Terms(added))]);
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException)
            {
                // Only an economy: the save goes on with the terms, and a word stored twice costs nothing but a row.
            }
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (New(eventData.Context) is { Count: > 0 } added)
        {
            try
            {
                Drop(added, await ExistingAsyncQuery(eventData.Context!, Conversations(added), Terms(added)).ToListAsync(cancellationToken));
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException)
            {
                // As above: the save goes on with every term.
            }
        }

        return result;
    }

    /// <summary>
    /// The terms this save adds. They were added by <c>DomainEventsInterceptor</c> just before, so they are tracked
    /// already: read without another change detection over every tracked entity (the save runs its own right after).
    /// </summary>
    private static List<EntityEntry<ConversationSearchTerm>> New(DbContext? context)
    {
        if (context is null)
        {
            return [];
        }

        var detect = context.ChangeTracker.AutoDetectChangesEnabled;
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return [.. context.ChangeTracker.Entries<ConversationSearchTerm>().Where(e => e.State == EntityState.Added)];
        }
        finally
        {
            context.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// The (conversation, word) pairs of the save's new terms that are stored already; compiled once, as it runs for
    /// nearly every message stored.
    /// </summary>
    private static readonly Expression<Func<DbContext, Guid[], string[], IQueryable<StoredTerm>>> Existing =
        (context, conversations, terms) => context.Set<ConversationSearchTerm>()
            .Where(t => conversations.Contains(t.ConversationId) && terms.Contains(t.Term))
            .Select(t => new StoredTerm(t.ConversationId, t.Term));

    /// <inheritdoc cref="Existing"/>
    private static readonly Func<DbContext, Guid[], string[], IEnumerable<StoredTerm>> ExistingQuery = EF.CompileQuery(Existing);

    /// <inheritdoc cref="Existing"/>
    private static readonly Func<DbContext, Guid[], string[], IAsyncEnumerable<StoredTerm>> ExistingAsyncQuery = EF.CompileAsyncQuery(Existing);

    private static Guid[] Conversations(List<EntityEntry<ConversationSearchTerm>> added) => [.. added.Select(e => e.Entity.ConversationId).Distinct()];

    private static string[] Terms(List<EntityEntry<ConversationSearchTerm>> added) => [.. added.Select(e => e.Entity.Term).Distinct()];

    private static void Drop(List<EntityEntry<ConversationSearchTerm>> added, IEnumerable<StoredTerm> stored)
    {
        var seen = stored.ToHashSet();
        foreach (var entry in added)
        {
            if (!seen.Add(new StoredTerm(entry.Entity.ConversationId, entry.Entity.Term)))
            {
                entry.State = EntityState.Detached;
            }
        }
    }

    private sealed record StoredTerm(Guid ConversationId, string Term);
}
