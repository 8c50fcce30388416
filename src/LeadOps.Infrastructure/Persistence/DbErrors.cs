using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace LeadOps.Infrastructure.Persistence;

/// <summary>What a provider's exception means, for both providers.</summary>
internal static class DbErrors
{
    /// <summary>
    /// A unique index refused the row (SQLite constraint 2067/1555, SQL Server 2601/2627), whether the provider's
    /// exception comes as it is (ExecuteUpdate) or inside EF's DbUpdateException (SaveChanges).
    /// </summary>
    public static bool IsUniqueViolation(Exception ex) => IsUniqueViolationCore(ex) || (ex.InnerException is { } inner && IsUniqueViolationCore(inner));

    /// <summary>
    /// Saves what the context holds; false when a unique index refused it (a twin request stored its row first): then
    /// this attempt is forgotten entirely, its new rows detached, its changes undone and its events dropped, so nothing
    /// of it is audited, pushed or saved later.
    /// </summary>
    public static async Task<bool> TrySaveUniqueAsync(DbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList())
            {
                entry.State = entry.State == EntityState.Added ? EntityState.Detached : EntityState.Unchanged;
            }

            foreach (var raiser in db.ChangeTracker.Entries<IHasDomainEvents>().Select(e => e.Entity))
            {
                raiser.ClearDomainEvents();
            }

            return false;
        }
    }

    private static bool IsUniqueViolationCore(Exception ex) => ex switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    };
}
