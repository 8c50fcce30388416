namespace LeadOps.TestSupport;

/// <summary>
/// The base of every fixture that runs against the app: one <see cref="TestApp"/> per fixture and database, on SQLite
/// and on SQL Server (tagged <see cref="TestCategories.Slow"/>; skipped with the reason where Docker is missing). A
/// fixture says what its app needs by overriding <see cref="Configure"/>; the app starts once, before its first test.
/// </summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.SqlServer, Category = TestCategories.Slow)]
public abstract class AppFixture(DatabaseKind database)
{
    protected DatabaseKind Database { get; } = database;

    protected TestApp App { get; private set; } = null!;

    /// <summary>The sandbox's state, for a fixture whose app has one.</summary>
    protected SandboxState Graph => App.Graph;

    [OneTimeSetUp]
    public async Task StartAppAsync()
    {
        App = await Configure(TestApp.Create(Database)).StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAppAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    /// <summary>Each test starts with no sandbox fault left by an earlier one.</summary>
    [SetUp]
    public void ClearSandboxFaults()
    {
        if (App is { HasSandbox: true })
        {
            App.Graph.ClearFaults();
        }
    }

    /// <summary>What this fixture's app needs besides the database (the sandbox, SMTP, a clock, settings).</summary>
    protected virtual TestAppBuilder Configure(TestAppBuilder app) => app;
}
