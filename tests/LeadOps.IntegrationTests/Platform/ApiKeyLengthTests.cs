using LeadOps.Web.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace LeadOps.IntegrationTests.Platform;

/// <summary>A short admin or operator key is refused at start (outside Development), naming the setting and never the value.</summary>
public sealed class ApiKeyLengthTests
{
    [TestCase("Admin:ApiKey", "Admin:ApiKey (ADMIN_API_KEY)")]
    [TestCase("Operator:ApiKey", "Operator:ApiKey")]
    public void The_app_does_not_start_with_a_short_key(string setting, string named)
    {
        const string shortKey = "short-but-secret-0123456789";
        var refused = Assert.CatchAsync(async () =>
        {
            await using var app = await TestApp.Create(DatabaseKind.Sqlite).WithSetting(setting, shortKey).StartAsync();
        });

        var messages = string.Join(" | ", Chain(refused!).Select(e => e.Message));
        Assert.Multiple(() =>
        {
            Assert.That(messages, Does.Contain($"{named} is shorter than {ApiKeyLengths.MinimumLength} characters"));
            Assert.That(messages, Does.Not.Contain(shortKey), "the value is never shown");
        });
    }

    [Test]
    public async Task The_brief_name_is_checked_too_and_a_long_key_starts()
    {
        Environment.SetEnvironmentVariable("ADMIN_API_KEY", "brief-short-0123456789");
        try
        {
            var refused = Assert.CatchAsync(async () =>
            {
                await using var app = await TestApp.Create(DatabaseKind.Sqlite).WithSetting("Admin:ApiKey", string.Empty).StartAsync();
            });
            Assert.That(string.Join(" | ", Chain(refused!).Select(e => e.Message)), Does.Contain("ADMIN_API_KEY").And.Not.Contain("brief-short-0123456789"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("ADMIN_API_KEY", null);
        }

        await using var started = await TestApp.Create(DatabaseKind.Sqlite).WithSetting("Admin:ApiKey", new string('k', ApiKeyLengths.MinimumLength)).StartAsync();
        Assert.That(started.Services, Is.Not.Null, "a key of the minimum length is accepted");
    }

    [Test]
    public void Development_and_unset_keys_are_not_refused()
    {
        var shortKeys = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Admin:ApiKey"] = "dev",
            ["Operator:ApiKey"] = "dev",
        }).Build();
        var none = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Admin:ApiKey"] = " " }).Build();

        Assert.Multiple(() =>
        {
            Assert.DoesNotThrow(() => ApiKeyLengths.Check(shortKeys, new Env(Environments.Development)));
            Assert.DoesNotThrow(() => ApiKeyLengths.Check(none, new Env(Environments.Production)));
            Assert.Throws<InvalidOperationException>(() => ApiKeyLengths.Check(shortKeys, new Env(Environments.Production)));
        });
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }

    private sealed class Env(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "LeadOps";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
