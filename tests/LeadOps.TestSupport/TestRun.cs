namespace LeadOps.TestSupport;

/// <summary>What one test process shares: its scratch folder (databases, key files, mail) and the SQL Server container.</summary>
public static class TestRun
{
    /// <summary>A folder of this process under the temp folder; removed by <see cref="EndAsync"/>.</summary>
    public static string Scratch { get; } = CreateScratch();

    /// <summary>Where the apps' key-encryption key lives: outside the databases' folder, as in production.</summary>
    public static string Keys { get; } = CreateScratch("-keys");

    /// <summary>The checkout the tests run from (the folder of LeadOps.sln), for tests that read or write its files.</summary>
    public static string CheckoutRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "LeadOps.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("LeadOps.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A loopback port free now (for a server that must be told its port before it starts).</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Called once at the end of each test assembly (its <c>[SetUpFixture]</c>).</summary>
    public static async Task EndAsync()
    {
        await SqlServerContainer.DisposeAsync();
        try
        {
            Directory.Delete(Keys, recursive: true);
            Directory.Delete(Scratch, recursive: true);
        }
        catch (IOException)
        {
            // SQLite files may still be open in a pool; the folder is per-process and under /tmp.
        }
    }

    /// <summary>A connection string to a new, empty database of the kind (a SQLite file, or a database in the container).</summary>
    public static async Task<string> NewDatabaseAsync(DatabaseKind database) =>
        database == DatabaseKind.SqlServer
            ? await SqlServerContainer.CreateDatabaseConnectionStringAsync()
            : $"Data Source={Path.Combine(Scratch, $"leadops-{Guid.NewGuid():N}.db")}";

    private static string CreateScratch(string suffix = "")
    {
        var path = Path.Combine(Path.GetTempPath(), "leadops-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + suffix);
        Directory.CreateDirectory(path);
        return path;
    }
}
