using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LeadOps.GraphSandbox;

/// <summary>
/// The Graph sandbox on a real Kestrel bound to 127.0.0.1. <see cref="BaseAddress"/> is the Graph base URL;
/// the version segment (<c>v25.0/</c>, any <c>vNN.N</c>) comes after it.
/// </summary>
public sealed class GraphSandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly WebhookDispatcher _webhooks;
    private readonly SandboxStateWriter? _stateWriter;
    private int _stopped;
    private int _disposed;

    private GraphSandboxServer(WebApplication app, WebhookDispatcher webhooks, SandboxState state, Uri baseAddress)
    {
        _app = app;
        _webhooks = webhooks;
        if (state.Options.StateFile is { } stateFile)
        {
            var loggers = state.Options.LoggerFactory ?? app.Services.GetRequiredService<ILoggerFactory>();
            _stateWriter = new SandboxStateWriter(state, stateFile, loggers.CreateLogger<SandboxStateWriter>());
        }

        State = state;
        BaseAddress = baseAddress;
    }

    /// <summary>The Graph base URL, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Direct access to the sandbox's state (for tests and the demo).</summary>
    public SandboxState State { get; }

    /// <summary>Starts the sandbox on 127.0.0.1; port 0 picks any free port.</summary>
    public static async Task<GraphSandboxServer> StartAsync(SandboxOptions options, int port = 0, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        options.Validate();

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(GraphSandboxServer).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);

        var webhooks = new WebhookDispatcher(options);
        try
        {
            var state = new SandboxState(options, webhooks);
            if (options.StateFile is { } stateFile)
            {
                SandboxStateFile.Load(state, stateFile);
            }

            SandboxApp.ConfigureServices(builder.Services, state);
            var app = builder.Build();
            SandboxApp.Map(app);
            await app.StartAsync(ct);

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var baseAddress = new Uri(address.TrimEnd('/') + "/");
            state.Messages.Cdn.BaseAddress = baseAddress;
            return new GraphSandboxServer(app, webhooks, state, baseAddress);
        }
        catch
        {
            await webhooks.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops accepting calls (requests held by timeout faults are cut off), then writes <see cref="SandboxOptions.StateFile"/> a last time if set.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync();
            if (_stateWriter is not null)
            {
                await _stateWriter.DisposeAsync();
            }
        }
    }

    /// <summary>Stops and frees the server once; later calls do nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopAsync();
        await _app.DisposeAsync();
        await _webhooks.DisposeAsync();
    }
}
