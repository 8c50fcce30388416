using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LeadOps.SecurityTests;

/// <summary>
/// Finding 10: the Data Protection key ring's key-encryption key defaulted to a file next to the SQLite database, so a copy
/// of the data folder decrypted every page token. Where the key comes from is said at start.
/// </summary>
public sealed class KeyEncryptionKeyTests
{
    [Test]
    public async Task By_default_the_key_file_is_kept_outside_the_data_folder()
    {
        var logs = new FakeLogCollector();
        await using var app = await WithLogs(TestApp.Create().WithoutSetting("DataProtection:KeyEncryptionKeyFile"), logs).StartAsync();
        var database = Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.ConnectionString).DataSource)!;
        var contentData = Path.Combine(app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().ContentRootPath, "App_Data");

        var said = KeyLog(logs);
        Assert.That(said, Is.Not.Null, "where the key-encryption key comes from is said at start");
        Assert.That(said!.Level, Is.EqualTo(LogLevel.Information));
        Assert.That(said.Message, Does.Not.Contain(database).And.Not.Contain(contentData));
        Assert.That(said.Message, Does.Contain("LeadOps"), "the documented per-user folder");
    }

    [Test]
    public async Task A_key_file_beside_the_database_is_reported_at_start_and_on_status_and_the_app_still_works()
    {
        var connection = await TestRun.NewDatabaseAsync(DatabaseKind.Sqlite);
        var folder = Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource)!;
        var logs = new FakeLogCollector();
        await using var app = await WithLogs(TestApp.Create().OnDatabase(connection), logs)
            .WithSetting("DataProtection:KeyEncryptionKeyFile", Path.Combine(folder, $"beside-{Guid.NewGuid():N}.kek"))
            .StartAsync();

        var said = KeyLog(logs);
        Assert.That(said?.Level, Is.EqualTo(LogLevel.Warning), "said at start");
        Assert.That(said!.Message, Does.Contain("beside the database"));
        var user = await app.NewUserAsync();
        var status = await (await (await app.SignedInClientAsync(user)).GetAsync("/status")).Content.ReadFromJsonAsync<JsonElement>();
        var check = status.GetProperty("checks").GetProperty("key_encryption_key");
        Assert.That(check.GetProperty("status").GetString(), Is.EqualTo("Degraded"));
        Assert.That(check.GetProperty("description").GetString(), Does.Contain("beside the database"));
        Assert.That((await app.ApiClient(user).GetAsync("/api/leads")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the app works");
    }

    [Test]
    public async Task A_key_from_configuration_needs_no_file_and_status_is_healthy()
    {
        var logs = new FakeLogCollector();
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var app = await WithLogs(TestApp.Create().WithSetting("DataProtection:KeyEncryptionKey", key), logs).StartAsync();

        Assert.That(KeyLog(logs)?.Message, Does.Contain("configuration"));
        var user = await app.NewUserAsync();
        var status = await (await app.ApiClient(user).GetAsync("/status")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(status.GetProperty("checks").GetProperty("key_encryption_key").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
    }

    /// <summary>Every ILogger of the app writes into <paramref name="logs"/> as well as it can.</summary>
    internal static TestAppBuilder WithLogs(TestAppBuilder app, FakeLogCollector logs) =>
        app.WithServices(s =>
        {
            s.AddSingleton(logs);
            s.AddSingleton(typeof(ILogger<>), typeof(FakeLogger<>));
        });

    private static FakeLogRecord? KeyLog(FakeLogCollector logs) =>
        logs.GetSnapshot().FirstOrDefault(l => l.Message.Contains("key-encryption key", StringComparison.Ordinal));
}
