using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace LeadOps.Infrastructure.Persistence;

/// <summary>Section <c>Database</c>. The connection string is <c>ConnectionStrings:LeadOps</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string DefaultSqliteConnectionString = "Data Source=App_Data/leadops.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>SQLite busy timeout: how long a writer waits for another writer before giving up.</summary>
    public int SqliteBusyTimeoutMs { get; set; } = 10_000;

    /// <summary>How often SQLite's planner statistics are refreshed (<see cref="SqliteStatistics"/>); zero or less: only at start.</summary>
    public TimeSpan SqliteStatisticsInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The full path of the SQLite database file, or null (SQL Server, in-memory).</summary>
    public static string? SqliteFile(IConfiguration configuration, string contentRootPath)
    {
        var options = configuration.GetSection(SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return null;
        }

        var builder = new SqliteConnectionStringBuilder(configuration.GetConnectionString("LeadOps") ?? DefaultSqliteConnectionString);
        return string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory
            ? null
            : Path.GetFullPath(builder.DataSource, contentRootPath);
    }
}
