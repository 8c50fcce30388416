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

    private static bool IsUniqueViolationCore(Exception ex) => ex switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    };
}
