namespace LeadOps.IntegrationTests.Graph.Support;

/// <summary>Base for Graph transport tests: one loopback server per fixture, a fresh client and script per test.</summary>
public abstract class GraphServerFixture
{
    protected ScriptedGraphServer Server { get; private set; } = null!;

    protected GraphClientHarness Client { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartServer() => Server = await ScriptedGraphServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await Server.DisposeAsync();

    [SetUp]
    public void NewClient()
    {
        Server.Reset();
        Client = GraphClientHarness.Create(Server, Overrides());
    }

    [TearDown]
    public async Task DisposeClient() => await Client.DisposeAsync();

    protected virtual IDictionary<string, string?>? Overrides() => null;

    /// <summary>A fresh client with other settings, for a test that needs them.</summary>
    protected async Task<GraphClientHarness> ReplaceClientAsync(IDictionary<string, string?> overrides)
    {
        await Client.DisposeAsync();
        Client = GraphClientHarness.Create(Server, overrides);
        return Client;
    }
}
