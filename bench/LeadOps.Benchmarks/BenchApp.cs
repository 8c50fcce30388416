using System.Globalization;
using LeadOps.Application.Common.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.Benchmarks;

/// <summary>
/// The real LeadOps app over its own SQLite file, built the way the integration tests build it. With
/// <c>kestrel: true</c> it listens on 127.0.0.1 on a free port. The benchmark host (never the product) adds
/// <see cref="NoopPath"/>, a route that answers 200 and does nothing: the floor of the webhook scenario.
/// </summary>
internal sealed class BenchApp : WebApplicationFactory<Program>
{
    public const string OwnerId = "7c1d2f0e-3b4a-4e59-9d8c-5a6b7c8d9e01";
    public const string NoopPath = "/bench/noop";
    public const string AdminEmail = "bench@leadops.test";
    public const string AdminPassword = "Bench-Password-42";
    public const string AppSecret = "bench-app-secret-0123456789abcdef";

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly bool _kestrel;
    private readonly bool _timeRequests;

    /// <param name="timeRequests">Record every request's server time in <see cref="Timings"/> (the Inbox scenario
    /// reads them); off elsewhere, where nobody takes them and they would pile up in memory.</param>
    public BenchApp(string databasePath, IReadOnlyDictionary<string, string?> settings, bool kestrel = false, bool timeRequests = false)
    {
        _timeRequests = timeRequests;
        DatabasePath = databasePath;
        _settings = settings;
        // The web project's folder, wherever the harness runs from (the test assembly or the console app).
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_LEADOPS_WEB", WebContentRoot);
        _kestrel = kestrel;
        if (kestrel)
        {
            UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        }
    }

    public string DatabasePath { get; }

    /// <summary>Server time of every request, measured in front of the app's pipeline (with <c>timeRequests</c>).</summary>
    public ServerTimings Timings { get; } = new();

    public Uri ServerAddress => new(Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Starts the host (migrations and the first user happen during start).</summary>
    public void Start()
    {
        if (_kestrel)
        {
            StartServer();
        }
        else
        {
            _ = Services;
        }
    }

    public AsyncServiceScope OwnerScope() => Services.GetRequiredService<IOwnerScopeFactory>().CreateScope(OwnerId);

    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder { DataSource = path }.ToString();

    public static string Scratch { get; } = CreateScratch();

    /// <summary>Names the key-encryption key file a measuring child process shares with the harness that made its database.</summary>
    public const string KeyFileVariable = "LEADOPS_BENCH_KEY_FILE";

    public static string KeyFile { get; } = Environment.GetEnvironmentVariable(KeyFileVariable) is { Length: > 0 } shared
        ? shared
        : Path.Combine(Scratch, "keyring.kek");

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string WebContentRoot => Path.Combine(RepositoryRoot, "src", "LeadOps.Web");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LeadOps.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:LeadOps", ConnectionString(DatabasePath));
        builder.UseSetting("DataProtection:KeyEncryptionKeyFile", KeyFile);
        builder.UseSetting("Admin:UserId", OwnerId);
        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Scheduling:Enabled", "false");
        builder.UseSetting("Facebook:AppSecret", AppSecret);
        builder.UseSetting("Facebook:VerifyToken", "bench-verify");
        // The console keeps the table readable: request and progress logs are not written during a benchmark.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // The webhook scenario's deliveries name a page no integration knows: the worker warns about each one.
        builder.UseSetting("Serilog:MinimumLevel:Override:LeadOps.Infrastructure.Webhooks.WebhookProcessor", "Error");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            if (_timeRequests)
            {
                services.AddSingleton(Timings);
                services.AddTransient<IStartupFilter, ServerTimingFilter>();
            }

            services.AddTransient<IStartupFilter, NoopRouteFilter>();
        });
    }

    private static string CreateScratch()
    {
        var path = Path.Combine(Path.GetTempPath(), "leadops-bench", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void DeleteDatabase(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // a leftover scratch file is harmless
            }
        }
    }

    /// <summary>Times each request from the start of the pipeline to the end of the app's response (body written).</summary>
    private sealed class ServerTimingFilter(ServerTimings timings) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await following(context);
                timings.Add(context.Request.Path, context.Response.StatusCode, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            });
            next(app);
        };
    }

    /// <summary>Answers 200 on <see cref="NoopPath"/> before the app's own pipeline runs.</summary>
    private sealed class NoopRouteFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(NoopPath, noop => noop.Run(async context =>
            {
                // Read the body as the webhook does, then answer: what any endpoint has to do at least.
                await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
                context.Response.StatusCode = StatusCodes.Status200OK;
            }));
            next(app);
        };
    }
}
