using LeadOps.Application.Integrations.Commands;
using LeadOps.Application.Integrations.Queries;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Identity;
using LeadOps.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;

namespace LeadOps.Web.Common;

/// <summary>
/// <c>Sandbox:Enabled</c> (default only in Development): runs the Graph sandbox inside the web process on
/// <c>Sandbox:Port</c> and gives the demo user an integration for the sandbox's main page, so the zero-setup demo has
/// pages, forms and leads to retrieve. Facebook:GraphBaseUrl and the app credentials point at it (appsettings.Development.json).
/// Its webhooks go to <c>Sandbox:WebhookCallbackUrl</c> when set, else to the <c>/webhook</c> of the address the app
/// really listens on, read once the server started (any port, <c>--urls</c> or <c>ASPNETCORE_URLS</c>: ADR 0014).
/// Its world is kept across restarts in <c>Sandbox:StateFile</c>, by default a file beside the SQLite database, written
/// within a second of each change (ADR 0026); the sandbox's warnings go to the app's log.
/// </summary>
internal sealed class InProcessSandbox(
    IConfiguration configuration, IHostEnvironment environment, IServiceScopeFactory scopes, IOwnerScopeFactory ownerScopes, IOptions<DemoOptions> demo, IServer server, IHostApplicationLifetime lifetime, ILoggerFactory loggers)
    : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<InProcessSandbox>();
    private GraphSandboxServer? _server;

    public GraphSandboxServer? Server => _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = SandboxOptions.FromConfiguration(configuration);
        options.StateFile = StateFile(options.StateFile);
        options.LoggerFactory = loggers;
        _server = await GraphSandboxServer.StartAsync(options, configuration.GetValue("Sandbox:Port", 5081), cancellationToken);
        _logger.LogInformation("Graph sandbox running at {Address}; its console: {Address}_sandbox; its state kept in {StateFile}", _server.BaseAddress, _server.BaseAddress, options.StateFile ?? "(nowhere)");
        if (options.WebhookCallbackUrl is null)
        {
            lifetime.ApplicationStarted.Register(SendWebhooksToThisApp);
        }

        await ConnectDemoPageAsync(cancellationToken);
    }

    /// <summary>
    /// The configured state file (relative to the content root), else one named after the SQLite database beside it
    /// (<c>leadops.db</c>: <c>leadops.graph-sandbox.json</c>), so the world sits with the database that refers to it; none for SQL Server.
    /// </summary>
    private string? StateFile(string? configured) =>
        configured is { Length: > 0 } ? Path.GetFullPath(configured, environment.ContentRootPath)
        : DatabaseOptions.SqliteFile(configuration, environment.ContentRootPath) is { } database ? Path.ChangeExtension(database, ".graph-sandbox.json")
        : null;

    /// <summary>The console page of the running sandbox, e.g. <c>http://127.0.0.1:5081/_sandbox</c>.</summary>
    public Uri? ConsoleAddress => _server is null ? null : new Uri(_server.BaseAddress, "_sandbox");

    private void SendWebhooksToThisApp()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (_server is null || ListeningAddress.Loopback(addresses) is not { } app)
        {
            _logger.LogWarning("The Graph sandbox sends no webhooks: the app's address is unknown ({Addresses})", string.Join(", ", addresses));
            return;
        }

        _server.State.WebhookCallbackUrl = new Uri(app, "webhook").ToString();
        _logger.LogInformation("Graph sandbox webhooks go to {Callback}", _server.State.WebhookCallbackUrl);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task ConnectDemoPageAsync(CancellationToken ct)
    {
        if (!demo.Value.Enabled)
        {
            return;
        }

        await using var lookup = scopes.CreateAsyncScope();
        var user = await lookup.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(demo.Value.Email);
        if (user is null)
        {
            return;
        }

        await using var scope = ownerScopes.CreateScope(user.Id);
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        if ((await mediator.Send(new ListIntegrations(), ct)).Count > 0)
        {
            return;
        }

        var result = await mediator.Send(new ConnectIntegration(SandboxSeed.MainPageToken, null), ct);
        _logger.LogInformation("Demo integration: {Status}", result.Value?.StatusText ?? result.Error);
    }
}
