using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Infrastructure;

/// <summary>
/// Base for fixtures that run once per database: a fresh app and database per fixture, created lazily so that a
/// SQL Server fixture without Docker is skipped with the reason.
/// </summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.SqlServer)]
public abstract class DatabaseFixture(DatabaseKind database)
{
    protected DatabaseKind Database { get; } = database;

    protected LeadOpsFactory Factory { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    [OneTimeSetUp]
    public async Task StartAppAsync()
    {
        await BeforeAppStartsAsync();
        Factory = await LeadOpsFactory.CreateAsync(Database, Settings, ConfigureServices);
        _ = Factory.Server; // start the host: migrations and bootstrap run now
        await AfterAppStartedAsync();
    }

    /// <summary>Runs before the app is built (start what its settings point at here).</summary>
    protected virtual Task BeforeAppStartsAsync() => Task.CompletedTask;

    /// <summary>Replaces app services for the fixture (a fake clock, say); nothing by default.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected virtual Task AfterAppStartedAsync() => Task.CompletedTask;

    [OneTimeTearDown]
    public async Task StopAppAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
    }
}
