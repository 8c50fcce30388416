using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.GraphSandbox;

/// <summary>
/// The base of tests that need the Graph sandbox and not the app (the sandbox's own contract, and the app's Graph
/// client in <see cref="LeadOps.IntegrationTests.Graph.Support.GraphClientFixture"/>): a fresh sandbox on loopback for every test, called raw
/// through <see cref="Http"/>. Faults, budgets and leads are set on <see cref="Graph"/>.
/// </summary>
public abstract class SandboxFixture
{
    protected GraphSandboxServer Sandbox { get; private set; } = null!;

    protected SandboxState Graph => Sandbox.State;

    /// <summary>Raw Graph calls to the sandbox, as any HTTP client would make them.</summary>
    protected SandboxClient Http { get; private set; } = null!;

    [SetUp]
    public Task StartSandboxAsync() => StartSandboxAsync(SandboxOptions());

    [TearDown]
    public async Task StopSandboxAsync()
    {
        await BeforeSandboxStopsAsync();
        Http.Dispose();
        await Sandbox.DisposeAsync();
    }

    /// <summary>The sandbox's options for every test of the fixture.</summary>
    protected virtual SandboxOptions SandboxOptions() => new();

    /// <summary>Runs before the sandbox starts, with the options it will start with (to put it on a clock, say).</summary>
    protected virtual void BeforeSandboxStarts(SandboxOptions options)
    {
    }

    /// <summary>Runs once the sandbox is up (to point a client at it, say).</summary>
    protected virtual Task AfterSandboxStartedAsync() => Task.CompletedTask;

    /// <summary>Runs before the sandbox stops (to dispose that client first).</summary>
    protected virtual Task BeforeSandboxStopsAsync() => Task.CompletedTask;

    /// <summary>A fresh sandbox with other options, for a test that needs them.</summary>
    protected async Task RestartSandboxAsync(SandboxOptions options)
    {
        await StopSandboxAsync();
        await StartSandboxAsync(options);
    }

    /// <summary>Follows <c>paging.next</c> from a first page; returns every item id and the number of calls.</summary>
    protected static async Task<(List<string> Ids, int Calls)> WalkAsync(SandboxClient client, string firstPage, Action<int>? afterCall = null)
    {
        var ids = new List<string>();
        var calls = 0;
        string? next = firstPage;
        while (next is not null)
        {
            var page = await client.GetAsync(next);
            calls++;
            Assert.That(page.IsError, Is.False, () => $"call {calls} failed: {page.Json}");
            ids.AddRange(page.Json.GetProperty("data").EnumerateArray().Select(l => l.GetProperty("id").GetString()!));
            next = page.Json.TryGetProperty("paging", out var paging) && paging.TryGetProperty("next", out var n) ? n.GetString() : null;
            afterCall?.Invoke(calls);
        }

        return (ids, calls);
    }

    private async Task StartSandboxAsync(SandboxOptions options)
    {
        BeforeSandboxStarts(options);
        Sandbox = await GraphSandboxServer.StartAsync(options);
        Http = new SandboxClient(Sandbox.BaseAddress);
        await AfterSandboxStartedAsync();
    }
}
