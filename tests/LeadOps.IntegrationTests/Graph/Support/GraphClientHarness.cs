using LeadOps.Application.Conversations;
using LeadOps.Application.Integrations;
using LeadOps.Application.Leads;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Graph;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LeadOps.IntegrationTests.Graph.Support;

/// <summary>
/// The real Graph client (AddGraphClient) pointed at a Graph sandbox, with a <see cref="TestClock"/> (the sandbox's clock
/// too) and every log line captured.
/// </summary>
public sealed class GraphClientHarness : IAsyncDisposable
{
    public const string Version = LeadOps.IntegrationTests.GraphSandbox.SandboxClient.Version;

    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(45);
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    /// <summary>Guards against a broken test hanging the run; no test relies on it to pass.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly ServiceProvider _services;

    private GraphClientHarness(ServiceProvider services, TestClock clock)
    {
        _services = services;
        Clock = clock;
    }

    public TestClock Clock { get; }

    public IServiceProvider Services => _services;

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    public ILeadSource Leads => _services.GetRequiredService<ILeadSource>();

    public IFacebookPageGateway Pages => _services.GetRequiredService<IFacebookPageGateway>();

    public IMessengerGateway Messenger => _services.GetRequiredService<IMessengerGateway>();

    public GraphUsageTracker Usage => _services.GetRequiredService<GraphUsageTracker>();

    /// <param name="clock">The clock the sandbox was started with, so both sides agree on appsecret_time and usage hours.</param>
    public static GraphClientHarness Create(GraphSandboxServer sandbox, TestClock clock, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Facebook:GraphBaseUrl"] = sandbox.BaseAddress.ToString(),
            ["Facebook:GraphVersion"] = Version,
            ["Facebook:AppId"] = sandbox.State.Options.AppId,
            ["Facebook:AppSecret"] = sandbox.State.Options.AppSecret,
            ["Facebook:Resilience:MaxAttempts"] = "3",
            ["Facebook:Resilience:BaseDelay"] = "00:00:02",
            ["Facebook:Resilience:AttemptTimeout"] = AttemptTimeout.ToString(),
            ["Facebook:Resilience:TotalTimeout"] = TotalTimeout.ToString(),
            ["Facebook:Resilience:MaxRetryAfter"] = MaxRetryAfter.ToString(),
            ["Facebook:Resilience:CircuitBreakerMinimumThroughput"] = "1000",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging())
            .AddSingleton<TimeProvider>(clock)
            .AddGraphClient(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new GraphClientHarness(services, clock);
    }

    /// <summary>
    /// Awaits a Graph call, advancing the clock whenever the client starts a backoff, throttle or pacing wait
    /// (any timer other than the attempt and total timeouts). Returns the waits it advanced through.
    /// </summary>
    public Task<(T Result, IReadOnlyList<TimeSpan> Waits)> RunAsync<T>(Task<T> call) => Clock.RunThroughWaitsAsync(call, IsClientWait, Guard);

    public async Task<IReadOnlyList<TimeSpan>> RunAsync(Task call) => (await RunAsync(Completed(call))).Waits;

    /// <summary>Waits until the client schedules a wait of exactly <paramref name="due"/>.</summary>
    public Task WaitForClientWaitAsync(TimeSpan due) => Clock.WaitForTimerAsync(d => d == due).WaitAsync(Guard);

    public static Task<T> Within<T>(Task<T> task) => task.WaitAsync(Guard);

    public static Task Within(Task task) => task.WaitAsync(Guard);

    /// <summary>
    /// Disposes the client. A call still pending (a test that failed while the client was waiting) holds the resilience
    /// pipeline, whose disposal waits on the fake clock: the clock is moved on until the pending call has given up.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        var disposing = _services.DisposeAsync().AsTask();
        using var guard = new CancellationTokenSource(Guard);
        while (!disposing.IsCompleted && !guard.IsCancellationRequested)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(disposing, Task.Delay(TimeSpan.FromMilliseconds(10), CancellationToken.None));
        }

        await disposing.WaitAsync(Guard);
    }

    private static async Task<bool> Completed(Task call)
    {
        await call;
        return true;
    }

    private static bool IsClientWait(TimeSpan due) =>
        due > TimeSpan.Zero && due != Timeout.InfiniteTimeSpan && due != AttemptTimeout && due != TotalTimeout;
}
