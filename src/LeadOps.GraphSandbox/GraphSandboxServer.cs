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
    private int _stopped;

    private GraphSandboxServer(WebApplication app, WebhookDispatcher webhooks, SandboxState state, Uri baseAddress)
    {
        _app = app;
        _webhooks = webhooks;
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
            SandboxApp.ConfigureServices(builder.Services, state);
            var app = builder.Build();
            SandboxApp.Map(app);
            await app.StartAsync(ct);

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var baseAddress = new Uri(address.TrimEnd('/') + "/");
            return new GraphSandboxServer(app, webhooks, state, baseAddress);
        }
        catch
        {
            await webhooks.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops accepting calls; requests held by timeout faults are cut off.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
        await _webhooks.DisposeAsync();
    }
}

/// <summary>Wires the sandbox into an ASP.NET Core app.</summary>
internal static class SandboxApp
{
    public static void ConfigureServices(IServiceCollection services, SandboxState state)
    {
        services.AddRoutingCore();
        services.AddSingleton(state);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
    }

    public static void Map(WebApplication app)
    {
        app.Use(RecordGraphRequestAsync);
        ControlRoutes.Map(app);
        GraphRoutes.Map(app);
        app.MapFallback((HttpContext http) =>
        {
            var error = GraphErrors.UnknownPath(http.Request.Path.ToString());
            return Results.Text(GraphJson.Serialize(error.ToEnvelope(GraphPipeline.TraceIdOf(http))),
                GraphReply.JsonContentType, statusCode: error.HttpStatus);
        });
    }

    /// <summary>Records every Graph request (not the control API) before it is handled.</summary>
    private static async Task RecordGraphRequestAsync(HttpContext http, RequestDelegate next)
    {
        var request = http.Request;
        if (!request.Path.StartsWithSegments("/_sandbox", StringComparison.Ordinal)
            && !request.Path.StartsWithSegments("/favicon.ico", StringComparison.Ordinal))
        {
            if (request.HasFormContentType)
            {
                await request.ReadFormAsync(http.RequestAborted);
            }

            var state = http.RequestServices.GetRequiredService<SandboxState>();
            state.Record(new RecordedRequest(
                state.Now,
                request.Method,
                request.Path.ToString(),
                request.QueryString.ToString(),
                request.Headers.Authorization.Count > 0,
                request.Query.ContainsKey("access_token") || (request.HasFormContentType && request.Form.ContainsKey("access_token")),
                Param(request, "appsecret_proof"),
                Param(request, "appsecret_time"),
                AuthorizationScheme(request),
                GraphPipeline.TraceIdOf(http)));
        }

        await next(http);
    }

    private static string? AuthorizationScheme(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString().Trim();
        if (header.Length == 0)
        {
            return null;
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? "(none)" : header[..space];
    }

    private static string? Param(HttpRequest request, string name)
    {
        if (request.Query.TryGetValue(name, out var value))
        {
            return value.ToString();
        }

        return request.HasFormContentType && request.Form.TryGetValue(name, out var formValue) ? formValue.ToString() : null;
    }
}
