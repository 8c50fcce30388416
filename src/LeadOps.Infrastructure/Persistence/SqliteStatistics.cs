using Microsoft.Data.Sqlite;

namespace LeadOps.Infrastructure.Persistence;

/// <summary>
/// Keeps SQLite's planner statistics current in every pooled connection. A connection reads the statistics
/// (<c>sqlite_stat1</c>) once, when it opens: an ANALYZE run on another connection does not reach it. A connection
/// opened while the tables were small (a new install, or before a bulk import) would go on planning as for empty
/// tables, for instance counting one thread's messages through the owner's index, which reads every message of the
/// owner. So the statistics are refreshed at start and on a period (<c>PRAGMA optimize</c>: ANALYZE only where a table
/// was never analysed or has grown or shrunk tenfold), and whenever they differ from those the pool last opened with
/// (whoever ran ANALYZE) the pool is cleared, so that every connection opens again with them (ADR 0025).
/// </summary>
internal sealed class SqliteStatistics : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _pooled;

    /// <summary>Refreshes the statistics; true when they changed and the connection pool was cleared.</summary>
    public async Task<bool> RefreshAsync(LeadOpsDbContext db, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                // 0x10000: every table, not only those this connection used; 0x02: ANALYZE where it may help; 0x10: within
                // a temporary analysis limit, so that even an enormous table holds the write lock for a moment only.
                await ExecuteAsync(connection, "PRAGMA optimize = 0x10012;", cancellationToken);
                var current = await SnapshotAsync(connection, cancellationToken);
                if (current == _pooled)
                {
                    return false;
                }

                // Idle connections close now; connections in use close when they are returned.
                SqliteConnection.ClearPool(connection);
                _pooled = current;
                return true;
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>The statistics as one text ("" before the first ANALYZE), to tell whether a refresh changed them.</summary>
    private static async Task<string> SnapshotAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat1';";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return "";
        }

        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT coalesce(group_concat(tbl || ' ' || coalesce(idx, '') || ' ' || coalesce(stat, ''), char(10) ORDER BY tbl, idx), '') FROM sqlite_stat1;";
        return (string)(await read.ExecuteScalarAsync(cancellationToken) ?? "");
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
