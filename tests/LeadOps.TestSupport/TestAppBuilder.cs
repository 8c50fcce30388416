using System.Globalization;

namespace LeadOps.TestSupport;

/// <summary>
/// Describes the app a test needs: its database and what it talks to. Nothing starts until <see cref="StartAsync"/>;
/// a dependency this machine lacks (Docker for SQL Server, python3-aiosmtpd, redis-server) skips the test with the
/// reason there, or fails it where the matching LEADOPS_REQUIRE_* variable is 1.
/// </summary>
public sealed class TestAppBuilder
{
    private readonly DatabaseKind _database;
    private readonly Dictionary<string, string?> _settings = [];
    private readonly HashSet<string> _unset = [];
    private readonly List<Action<IServiceCollection>> _services = [];
    private string? _connectionString;
    private TimeProvider? _clock;
    private bool _kestrel;
    private SandboxOptions? _sandboxOptions;
    private GraphSandboxServer? _sharedSandbox;
    private bool _smtp;
    private bool _redis;
    private RedisServer? _sharedRedis;

    internal TestAppBuilder(DatabaseKind database) => _database = database;

    /// <summary>
    /// A Graph sandbox of its own on loopback: the app's Graph client (base URL and app credentials) points at it, and
    /// its signed webhooks reach the app's <c>/webhook</c> through <see cref="TestApp.Webhooks"/>. With
    /// <see cref="WithClock"/>, the sandbox runs on that clock too unless the options name another.
    /// </summary>
    public TestAppBuilder WithSandbox(SandboxOptions? options = null)
    {
        _sandboxOptions = options ?? new SandboxOptions();
        _sharedSandbox = null;
        return this;
    }

    /// <summary>The app's Graph client points at a sandbox the test started (and stops); its webhooks are the test's business.</summary>
    public TestAppBuilder WithSharedSandbox(GraphSandboxServer sandbox)
    {
        _sharedSandbox = sandbox;
        _sandboxOptions = null;
        return this;
    }

    /// <summary>Leaves Facebook:AppId and Facebook:AppSecret unset: the app knows Graph's address but has no app credentials.</summary>
    public TestAppBuilder WithoutAppCredentials() => WithoutSetting("Facebook:AppId").WithoutSetting("Facebook:AppSecret");

    /// <summary>A real SMTP server on loopback (<see cref="TestApp.Smtp"/>), and the app's <c>Smtp</c> settings pointed at it.</summary>
    public TestAppBuilder WithSmtp()
    {
        _smtp = true;
        return this;
    }

    /// <summary>A real Redis on loopback (<see cref="TestApp.Redis"/>) as the app's SignalR backplane.</summary>
    public TestAppBuilder WithRedis()
    {
        _redis = true;
        _sharedRedis = null;
        return this;
    }

    /// <summary>The backplane of another app (a second web node): the test or that app stops it.</summary>
    public TestAppBuilder WithSharedRedis(RedisServer redis)
    {
        _sharedRedis = redis;
        _redis = false;
        return this;
    }

    /// <summary>The app's <see cref="TimeProvider"/> (and its own sandbox's): a fake clock moves time without waiting.</summary>
    public TestAppBuilder WithClock(TimeProvider clock)
    {
        _clock = clock;
        return this;
    }

    /// <summary>
    /// The app as the zero-setup demo runs it (ADR 0014): the Graph sandbox inside the app (<c>Sandbox:Enabled</c>) on a
    /// free port, with no seeded leads, the console's bot as <c>Messenger:BotAppId</c> (as appsettings.Development.json names
    /// it), and the admin as the demo user whose page is connected at start. Its webhooks reach
    /// the app only on Kestrel (<see cref="OnKestrel"/>).
    /// </summary>
    public TestAppBuilder AsDemo()
    {
        var options = new SandboxOptions();
        var sandboxPort = TestRun.FreePort().ToString(CultureInfo.InvariantCulture);
        return WithSetting("Sandbox:Enabled", "true")
            .WithSetting("Sandbox:Port", sandboxPort)
            .WithSetting("Sandbox:InitialLeadsPerForm", "0")
            .WithSetting("Facebook:GraphBaseUrl", "http://127.0.0.1:" + sandboxPort)
            .WithSetting("Facebook:AppId", options.AppId)
            .WithSetting("Facebook:AppSecret", options.AppSecret)
            .WithSetting("Facebook:VerifyToken", TestApp.VerifyToken)
            .WithSetting("Messenger:BotAppId", SandboxSeed.DemoBotAppId)
            .WithSetting("Demo:Enabled", "true")
            .WithSetting("Demo:Email", TestApp.AdminEmail);
    }

    /// <summary>An existing database (another node's, or the same app started again) instead of a new one.</summary>
    public TestAppBuilder OnDatabase(string connectionString)
    {
        _connectionString = connectionString;
        return this;
    }

    /// <summary>A real Kestrel server on 127.0.0.1 instead of the in-memory one, for a browser.</summary>
    public TestAppBuilder OnKestrel()
    {
        _kestrel = true;
        return this;
    }

    /// <summary>A configuration value; it wins over the harness's own.</summary>
    public TestAppBuilder WithSetting(string key, string? value)
    {
        _settings[key] = value;
        _unset.Remove(key);
        return this;
    }

    public TestAppBuilder WithSettings(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        foreach (var (key, value) in settings)
        {
            WithSetting(key, value);
        }

        return this;
    }

    /// <summary>A key the harness would set that this app must not have.</summary>
    public TestAppBuilder WithoutSetting(string key)
    {
        _settings.Remove(key);
        _unset.Add(key);
        return this;
    }

    /// <summary>Replaces app services (applied after the app's own registrations), e.g. a wrapped channel.</summary>
    public TestAppBuilder WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>Starts the database, the servers asked for and the app (migrations and bootstrap run now).</summary>
    public async Task<TestApp> StartAsync()
    {
        var parts = new TestAppParts();
        TestApp? app = null;
        try
        {
            var connectionString = _connectionString ?? await TestRun.NewDatabaseAsync(_database);
            var settings = HarnessSettings(connectionString);
            await StartRedisAsync(parts, settings);
            await StartSmtpAsync(parts, settings);
            await StartSandboxAsync(parts, settings);
            foreach (var (key, value) in _settings)
            {
                settings[key] = value;
            }

            foreach (var key in _unset)
            {
                settings.Remove(key);
            }

            app = new TestApp(_database, connectionString, settings, [.. _services], _clock, _kestrel, parts);
            app.Start();
            if (parts.Webhooks is { } webhooks)
            {
                webhooks.ForwardTo = app.NewClient();
            }

            return app;
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
            else
            {
                await parts.DisposeAsync();
            }

            throw;
        }
    }

    private Dictionary<string, string?> HarnessSettings(string connectionString) => new()
    {
        ["Database:Provider"] = _database.ToString(),
        ["ConnectionStrings:LeadOps"] = connectionString,
        ["DataProtection:KeyEncryptionKeyFile"] = Path.Combine(TestRun.Keys, "keyring.kek"),
        ["Security:SignInPermitsPerAddress"] = "100000", // every test signs in from the same address; the security tests set their own
        ["Security:SignInPermitsPerAccount"] = "100000",
        ["Facebook:Resilience:BaseDelay"] = "00:00:00.010",
        ["Admin:UserId"] = TestApp.AdminUserId,
        ["Admin:ApiKey"] = TestApp.AdminApiKey,
        ["Operator:ApiKey"] = TestApp.OperatorApiKey,
        ["Bootstrap:AdminEmail"] = TestApp.AdminEmail,
        ["Bootstrap:AdminPassword"] = TestUsers.Password,
        ["Auth:AllowRegistration"] = "true",

        // Every active form is synced on a schedule by default (ADR 0010): a test that counts what the webhook or a
        // retrieval stored must not race the app's own timer. Tests of the schedule drive ScheduledRetrieval.RunDueAsync
        // on the app's clock, or switch the timer back on with WithSetting.
        ["Scheduling:Enabled"] = "false",
    };

    private async Task StartRedisAsync(TestAppParts parts, Dictionary<string, string?> settings)
    {
        if (_redis)
        {
            parts.Redis = await RedisServer.StartAsync();
            parts.OwnsRedis = true;
        }
        else
        {
            parts.Redis = _sharedRedis;
        }

        if (parts.Redis is { } redis)
        {
            settings["SignalR:Redis"] = redis.Configuration;
        }
    }

    private async Task StartSmtpAsync(TestAppParts parts, Dictionary<string, string?> settings)
    {
        if (!_smtp)
        {
            return;
        }

        parts.Smtp = SmtpSink.Allocate();
        await parts.Smtp.StartAsync();
        settings["Smtp:Host"] = "127.0.0.1";
        settings["Smtp:Port"] = parts.Smtp.Port.ToString(CultureInfo.InvariantCulture);
        settings["Smtp:Security"] = "None";
        settings["Smtp:From"] = "LeadOps Tests <welcome@leadops.test>";
        settings["Smtp:TimeoutSeconds"] = "20";
    }

    private async Task StartSandboxAsync(TestAppParts parts, Dictionary<string, string?> settings)
    {
        if (_sandboxOptions is { } options)
        {
            parts.Webhooks = await WebhookReceiver.StartAsync();
            options.WebhookCallbackUrl ??= parts.Webhooks.Url.ToString();
            if (_clock is not null && options.TimeProvider == TimeProvider.System)
            {
                options.TimeProvider = _clock;
            }

            parts.Sandbox = await GraphSandboxServer.StartAsync(options);
            parts.OwnsSandbox = true;
        }
        else
        {
            parts.Sandbox = _sharedSandbox;
        }

        if (parts.Sandbox is { } sandbox)
        {
            settings["Facebook:GraphBaseUrl"] = sandbox.BaseAddress.ToString();
            settings["Facebook:AppId"] = sandbox.State.Options.AppId;
            settings["Facebook:AppSecret"] = sandbox.State.Options.AppSecret;
            settings["Facebook:VerifyToken"] = TestApp.VerifyToken;
        }
    }
}
