using Testcontainers.MsSql;

namespace LeadOps.TestSupport;

/// <summary>
/// One SQL Server container for the whole test run (each app gets its own database in it). Where Docker does not
/// answer, SQL Server fixtures are reported as skipped with the reason; LEADOPS_REQUIRE_SQLSERVER=1 makes that a failure.
/// </summary>
public static class SqlServerContainer
{
    public const string RequireVariable = "LEADOPS_REQUIRE_SQLSERVER";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static MsSqlContainer? _container;
    private static string? _unavailableReason;

    /// <summary>A connection string to a fresh database, or Ignore/Fail the calling test when SQL Server can't run here.</summary>
    public static async Task<string> CreateDatabaseConnectionStringAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_container is null && _unavailableReason is null)
            {
                try
                {
                    var container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
                    await container.StartAsync();
                    _container = container;
                }
                catch (Exception ex)
                {
                    _unavailableReason = $"SQL Server tests need Docker, which is not available here ({ex.GetType().Name}: {ex.Message.Split('\n')[0]})";
                }
            }
        }
        finally
        {
            Gate.Release();
        }

        if (_container is null)
        {
            TestDependency.Missing(_unavailableReason ?? "SQL Server is not available", RequireVariable);
        }

        var builder = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(_container.GetConnectionString())
        {
            InitialCatalog = "leadops_" + Guid.NewGuid().ToString("N")[..12],
        };
        return builder.ConnectionString;
    }

    public static async Task DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
