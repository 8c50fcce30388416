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
public sealed class LeadOpsFactory : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string?>? _settings;

    private readonly bool _kestrel;

    public LeadOpsFactory(DatabaseKind database, string connectionString, IReadOnlyDictionary<string, string?>? settings = null, bool kestrel = false)
    {
        _kestrel = kestrel;
        Database = database;
        ConnectionString = _connectionString = connectionString;
        _settings = settings;
        if (kestrel)
        {
            // A real server on 127.0.0.1, for callers that must reach the app over HTTP (the sandbox's webhooks).
            UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        }
    }

    public const string AdminUserId = "0b9f5e3c-6a52-4c2d-9d4e-3f1f7f0a9a11";
    public const string AdminApiKey = "admin-key-for-tests-0123456789abcdef";

    public DatabaseKind Database { get; }

    public string ConnectionString { get; }

    /// <summary>Service replacements for one fixture (a fake clock, a wrapped channel); applied after the app's own.</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    /// <summary>The Kestrel address when started with <c>kestrel: true</c>.</summary>
    public Uri ServerAddress => new(Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());

    /// <summary>A client that does not follow redirects (and keeps cookies when asked), on the test server or on Kestrel.</summary>
    public HttpClient NewClient(bool cookies = false)
    {
        if (!_kestrel)
        {
            return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });
        }

#pragma warning disable CA2000 // the client owns its handler
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = cookies };
#pragma warning restore CA2000
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = ServerAddress };
    }

    public static async Task<LeadOpsFactory> CreateAsync(DatabaseKind database, IReadOnlyDictionary<string, string?>? settings = null, bool kestrel = false) =>
        new(database, await NewDatabaseAsync(database), settings, kestrel);

    public static async Task<string> NewDatabaseAsync(DatabaseKind database) =>
        database == DatabaseKind.SqlServer
            ? await SqlServerContainer.CreateDatabaseConnectionStringAsync()
            : $"Data Source={Path.Combine(TestPaths.Scratch, $"leadops-{Guid.NewGuid():N}.db")}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.ToString());
        builder.UseSetting("ConnectionStrings:LeadOps", _connectionString);
        builder.UseSetting("DataProtection:KeyEncryptionKeyFile", Path.Combine(TestPaths.Scratch, "keyring.kek"));
        builder.UseSetting("Facebook:Resilience:BaseDelay", "00:00:00.010");
        builder.UseSetting("Admin:UserId", AdminUserId);
        builder.UseSetting("Admin:ApiKey", AdminApiKey);
        builder.UseSetting("Bootstrap:AdminEmail", "admin@leadops.test");
        builder.UseSetting("Bootstrap:AdminPassword", TestUsers.Password);
        builder.UseSetting("Auth:AllowRegistration", "true");
        foreach (var (key, value) in _settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (TestServices is { } testServices)
        {
            builder.ConfigureTestServices(testServices);
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
