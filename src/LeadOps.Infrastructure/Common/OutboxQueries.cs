namespace LeadOps.Infrastructure.Common;

internal static class OutboxQueries
{
    /// <summary>Outbox rows due at <paramref name="now"/> that no live claim holds: the ones a worker may claim.</summary>
    public static IQueryable<TItem> DueAt<TItem>(this IQueryable<TItem> rows, DateTimeOffset now)
        where TItem : OutboxItem =>
        rows.Where(o => o.NextAttemptAt <= now && (o.ClaimedUntil == null || o.ClaimedUntil <= now));
}
