using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LeadOps.Infrastructure.Persistence;

/// <summary>
/// Sets SQLite's busy timeout on every connection so that background work and web requests wait for each other's
/// writes instead of failing with "database is locked". WAL mode itself is persistent and set once at start.
/// </summary>
internal sealed class SqlitePragmaInterceptor(int busyTimeoutMs) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
    }
}
