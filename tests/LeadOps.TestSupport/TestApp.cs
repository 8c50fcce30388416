using LeadOps.Application.Common.Security;
using LeadOps.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.TestSupport;

/// <summary>
/// The real app (the web project's <c>Program</c>) over a real database of its own, with what it talks to as the test
/// asked for: a Graph sandbox whose signed webhooks reach the app, a real SMTP server, a real Redis. Nothing in the
/// app is mocked; a fixture may replace a service (a clock, a wrapped channel). Built and started by
/// <see cref="Create"/>; disposing it stops everything it started.
/// </summary>
/// <example>
/// <code>
/// await using var app = await TestApp.Create(DatabaseKind.Sqlite).WithSandbox().WithSmtp().StartAsync();
/// var staff = await app.NewUserAsync();
/// var result = await app.SendAsync(staff, new ConnectIntegration(SandboxSeed.MainPageToken, "Main page"));
/// </code>
/// </example>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public const string AdminUserId = "0b9f5e3c-6a52-4c2d-9d4e-3f1f7f0a9a11";
    public const string AdminApiKey = "admin-key-for-tests-0123456789abcdef";
    public const string AdminEmail = "admin@leadops.test";

    /// <summary>The operator key (<c>Operator:ApiKey</c>): <c>/metrics</c> and the details of <c>/status</c>, no user's data.</summary>
    public const string OperatorApiKey = "operator-key-for-tests-0123456789abcdef";

    /// <summary>The webhook verify token of every app with a sandbox.</summary>
    public const string VerifyToken = "verify-me";

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly IReadOnlyList<Action<IServiceCollection>> _services;
    private readonly TestAppParts _parts;
    private readonly bool _kestrel;

    internal TestApp(DatabaseKind database, string connectionString, IReadOnlyDictionary<string, string?> settings,
        IReadOnlyList<Action<IServiceCollection>> services, TimeProvider? clock, bool kestrel, TestAppParts parts)
    {
        Database = database;
        ConnectionString = connectionString;
        _settings = settings;
        _services = services;
        Clock = clock ?? TimeProvider.System;
        _kestrel = kestrel;
        _parts = parts;
        if (kestrel)
        {
            // A real server on 127.0.0.1, for callers that must reach the app over the network (a browser).
            UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        }
    }

    public DatabaseKind Database { get; }

    public string ConnectionString { get; }

    /// <summary>The app's clock: the one given to <see cref="TestAppBuilder.WithClock"/>, or the system's.</summary>
    public TimeProvider Clock { get; }

    public bool HasSandbox => _parts.Sandbox is not null;

    /// <summary>The Graph sandbox the app talks to (<see cref="TestAppBuilder.WithSandbox"/>).</summary>
    public GraphSandboxServer Sandbox => _parts.Sandbox ?? throw NotBuiltWith(nameof(TestAppBuilder.WithSandbox));

    /// <summary>The sandbox's state: its pages, leads and messages, the requests it received, faults to set.</summary>
    public SandboxState Graph => Sandbox.State;

    /// <summary>Where the sandbox's webhooks arrive before they are passed on to the app.</summary>
    public WebhookReceiver Webhooks => _parts.Webhooks ?? throw NotBuiltWith(nameof(TestAppBuilder.WithSandbox));

    public SmtpSink Smtp => _parts.Smtp ?? throw NotBuiltWith(nameof(TestAppBuilder.WithSmtp));

    public RedisServer Redis => _parts.Redis ?? throw NotBuiltWith(nameof(TestAppBuilder.WithRedis));

    /// <summary>The app's address: the Kestrel one after <see cref="TestAppBuilder.OnKestrel"/>, else the in-memory server's.</summary>
    public Uri BaseAddress => _kestrel
        ? new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First())
        : Server.BaseAddress;

    /// <summary>Starts describing an app on a new database of this kind.</summary>
    public static TestAppBuilder Create(DatabaseKind database = DatabaseKind.Sqlite) => new(database);

    /// <summary>A client that does not follow redirects (and keeps cookies when asked).</summary>
    public HttpClient NewClient(bool cookies = false)
    {
        if (!_kestrel)
        {
            return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });
        }

#pragma warning disable CA2000 // the client owns its handler
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = cookies };
#pragma warning restore CA2000
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = BaseAddress };
    }

    /// <summary>A client presenting the operator key.</summary>
    public HttpClient OperatorClient()
    {
        var client = NewClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", OperatorApiKey);
        return client;
    }

    /// <summary>A client of the house API as the admin user: the admin key, acting as <see cref="AdminUserId"/>.</summary>
    public HttpClient AdminClient()
    {
        var client = NewClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminApiKey);
        client.DefaultRequestHeaders.Add("X-Admin-User-ID", AdminUserId);
        return client;
    }

    /// <summary>A scope acting as the given user, as background work does.</summary>
    public AsyncServiceScope ScopeFor(string userId) => Services.GetRequiredService<IOwnerScopeFactory>().CreateScope(userId);

    public LeadOpsDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();

    /// <summary>The app's own connection string (for bulk seeding straight into its database).</summary>
    public string DatabaseConnectionString()
    {
        using var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>().Database.GetConnectionString()!;
    }

    /// <summary>
    /// Sends a command through the real pipeline (validation, logging, handler, save) as the user, without HTTP; a
    /// command still running after <see cref="HangGuard.Limit"/> fails the test.
    /// </summary>
    public async Task<TResponse> SendAsync<TResponse>(string userId, ICommand<TResponse> command)
    {
        await using var scope = ScopeFor(userId);
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        return await HangGuard.WaitAsync(command.GetType().Name, ct => sender.Send(command, ct).AsTask());
    }

    /// <inheritdoc cref="SendAsync{TResponse}(string, ICommand{TResponse})"/>
    public async Task<TResponse> SendAsync<TResponse>(string userId, IQuery<TResponse> query)
    {
        await using var scope = ScopeFor(userId);
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        return await HangGuard.WaitAsync(query.GetType().Name, ct => sender.Send(query, ct).AsTask());
    }

    public Task<TResponse> SendAsync<TResponse>(TestUser user, ICommand<TResponse> command) => SendAsync(user.Id, command);

    public Task<TResponse> SendAsync<TResponse>(TestUser user, IQuery<TResponse> query) => SendAsync(user.Id, query);

    /// <summary>Stops what feeds the app first (the sandbox and its webhooks), then the app, then its servers.</summary>
    public override async ValueTask DisposeAsync()
    {
        await _parts.DisposeSandboxAsync();
        await base.DisposeAsync();
        await _parts.DisposeServersAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts the host: migrations and bootstrap run now.</summary>
    internal void Start()
    {
        if (_kestrel)
        {
            StartServer();
        }
        else
        {
            _ = Server;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (Clock != TimeProvider.System)
            {
                services.AddSingleton<TimeProvider>(Clock);
            }

            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    private static InvalidOperationException NotBuiltWith(string method) => new($"This app was built without {method}().");
}
