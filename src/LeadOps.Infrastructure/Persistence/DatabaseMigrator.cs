namespace LeadOps.Infrastructure.Persistence;

/// <summary>Applies pending migrations at start (Database:MigrateOnStartup) and puts SQLite into WAL mode.</summary>
internal sealed class DatabaseMigrator(LeadOpsDbContext db, IOptions<DatabaseOptions> options, ILogger<DatabaseMigrator> logger) : IStartupTask
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
        }
    }
}
