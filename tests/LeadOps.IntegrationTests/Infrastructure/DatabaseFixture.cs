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

    /// <summary>Runs before the app is created: start what the settings point at (a mail server, the Graph sandbox).</summary>
    protected virtual Task BeforeAppStartsAsync() => Task.CompletedTask;

    /// <summary>Replaces app services for this fixture (applied after the app's own registrations).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    [OneTimeSetUp]
    public async Task StartAppAsync()
    {
        await BeforeAppStartsAsync();
        Factory = await LeadOpsFactory.CreateAsync(Database, Settings);
        Factory.TestServices = ConfigureServices;
        _ = Factory.Server; // start the host: migrations and bootstrap run now
        await AfterAppStartedAsync();
    }

    /// <summary>Runs once the app is up (connect a hub client, say).</summary>
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
