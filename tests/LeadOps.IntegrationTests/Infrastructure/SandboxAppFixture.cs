using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.Infrastructure;

/// <summary>
/// The real app on Kestrel (127.0.0.1) and the Graph sandbox on loopback, wired both ways: the app's Graph client
/// talks to the sandbox, and the sandbox's signed webhooks reach the app's /webhook. One per fixture and database.
/// </summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.SqlServer)]
public abstract class SandboxAppFixture(DatabaseKind database)
{
    protected DatabaseKind Database { get; } = database;

    protected LeadOpsFactory Factory { get; private set; } = null!;

    protected GraphSandboxServer Sandbox { get; private set; } = null!;

    protected SandboxState Graph => Sandbox.State;

    protected virtual SandboxOptions SandboxOptions => new();

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var connectionString = await LeadOpsFactory.NewDatabaseAsync(Database);
        Sandbox = await GraphSandboxServer.StartAsync(SandboxOptions);
        var settings = new Dictionary<string, string?>
        {
            ["Facebook:GraphBaseUrl"] = Sandbox.BaseAddress.ToString().TrimEnd('/'),
            ["Facebook:AppId"] = Sandbox.State.Options.AppId,
            ["Facebook:AppSecret"] = Sandbox.State.Options.AppSecret,
            ["Facebook:VerifyToken"] = "verify-me",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        Factory = new LeadOpsFactory(Database, connectionString, settings, kestrel: true);
        Factory.StartServer();
        Graph.WebhookCallbackUrl = new Uri(Factory.ServerAddress, "/webhook").ToString();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }
    }

    [SetUp]
    public void ClearSandboxFaults() => Graph?.ClearFaults();
}
