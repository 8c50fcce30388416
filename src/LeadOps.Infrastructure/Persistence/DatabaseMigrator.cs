namespace LeadOps.Infrastructure.Persistence;

/// <summary>Applies pending migrations at start (Database:MigrateOnStartup), puts SQLite into WAL mode and refreshes its statistics.</summary>
internal sealed class DatabaseMigrator(LeadOpsDbContext db, SqliteStatistics statistics, IOptions<DatabaseOptions> options, ILogger<DatabaseMigrator> logger) : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStartup)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database ready ({Provider}); {Count} migrations applied", options.Value.Provider, pending);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            // Keeps the planner's statistics current (ANALYZE where they are missing or stale), so that searches are
            // driven by the search-term index when it is the selective one (ADR 0017) and threads by their own index.
            await statistics.RefreshAsync(db, cancellationToken);
        }
    }
}
