using LeadOps.Infrastructure.Persistence;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Infrastructure;

/// <summary>
/// The real app over a real database of its own (a fresh SQLite file, or a fresh SQL Server database), with
/// settings given per test. Nothing is mocked.
/// </summary>
public sealed class LeadOpsFactory(
    DatabaseKind database,
    string connectionString,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<Program>
{
    public const string AdminUserId = "0b9f5e3c-6a52-4c2d-9d4e-3f1f7f0a9a11";
    public const string AdminApiKey = "admin-key-for-tests-0123456789abcdef";

    public DatabaseKind Database { get; } = database;

    public static async Task<LeadOpsFactory> CreateAsync(
        DatabaseKind database,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var connectionString = database == DatabaseKind.SqlServer
            ? await SqlServerContainer.CreateDatabaseConnectionStringAsync()
            : $"Data Source={Path.Combine(TestPaths.Scratch, $"leadops-{Guid.NewGuid():N}.db")}";
        return new LeadOpsFactory(database, connectionString, settings, configureServices);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.ToString());
        builder.UseSetting("ConnectionStrings:LeadOps", connectionString);
        builder.UseSetting("Admin:UserId", AdminUserId);
        builder.UseSetting("Admin:ApiKey", AdminApiKey);
        builder.UseSetting("Bootstrap:AdminEmail", "admin@leadops.test");
        builder.UseSetting("Bootstrap:AdminPassword", TestUsers.Password);
        builder.UseSetting("Auth:AllowRegistration", "true");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (configureServices is not null)
        {
            builder.ConfigureTestServices(configureServices);
        }
    }

    /// <summary>A scope acting as the given user, as background work does.</summary>
    public AsyncServiceScope ScopeFor(string userId) =>
        Services.GetRequiredService<LeadOps.Application.Common.Security.IOwnerScopeFactory>().CreateScope(userId);

    public LeadOpsDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
}

public static class TestPaths
{
    public static string Scratch { get; } = CreateScratch();

    private static string CreateScratch()
    {
        var path = Path.Combine(Path.GetTempPath(), "leadops-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(path);
        return path;
    }
}
