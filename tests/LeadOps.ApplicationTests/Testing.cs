using LeadOps.Application.Integrations.Commands;
using LeadOps.Infrastructure.Persistence;
using Mediator;

namespace LeadOps.ApplicationTests;

/// <summary>
/// The application tier's one app, started once for the whole assembly: the real app on a SQLite file of its own and a
/// Graph sandbox, with nothing running in the background that a test did not ask for (no schedule, no welcome worker,
/// the sandbox's webhooks stop at the receiver). Tests send commands and queries through the real Mediator pipeline
/// (validation, logging, handler, save) as a given user, without HTTP. Every test makes its own users, and the owner
/// filter keeps users' data apart, so nothing is reset between tests and the order does not matter.
/// </summary>
[SetUpFixture]
public sealed class Testing
{
    private static TestApp? _app;

    public static TestApp App => _app ?? throw new InvalidOperationException("The application tier's app has not started.");

    /// <summary>The sandbox (Meta, for the app): its pages, forms and leads, the requests it received.</summary>
    public static SandboxState Graph => App.Graph;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = await TestApp.Create(DatabaseKind.Sqlite)
            .WithSandbox(new SandboxOptions { InitialLeadsPerForm = 0 })
            .WithSetting("Scheduling:Enabled", "false")
            .WithSetting("Welcome:WorkerEnabled", "false")
            .StartAsync();

        // Commands stand in for the webhook here: a lead or message the sandbox announces must not also arrive on its own.
        _app.Webhooks.ForwardTo?.Dispose();
        _app.Webhooks.ForwardTo = null;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await TestRun.EndAsync();
    }

    /// <summary>A new staff user, with nothing of their own yet.</summary>
    public static Task<TestUser> NewUserAsync() => App.NewUserAsync();

    /// <summary>Sends the command as the user, as a page or an endpoint would after signing them in.</summary>
    public static Task<TResponse> SendAsync<TResponse>(TestUser user, ICommand<TResponse> command) => App.SendAsync(user, command);

    /// <inheritdoc cref="SendAsync{TResponse}(TestUser, ICommand{TResponse})"/>
    public static Task<TResponse> SendAsync<TResponse>(TestUser user, IQuery<TResponse> query) => App.SendAsync(user, query);

    /// <summary>Reads the user's data straight from the database, as that user (the owner filter applies).</summary>
    public static async Task<T> ReadAsync<T>(TestUser user, Func<LeadOpsDbContext, Task<T>> read)
    {
        await using var scope = App.ScopeFor(user.Id);
        return await read(App.Db(scope));
    }

    /// <summary>Stores data for the user straight in the database (what no command makes), as that user.</summary>
    public static Task ArrangeAsync(TestUser user, Action<LeadOpsDbContext> arrange) =>
        ArrangeAsync(user, db =>
        {
            arrange(db);
            return Task.CompletedTask;
        });

    /// <inheritdoc cref="ArrangeAsync(TestUser, Action{LeadOpsDbContext})"/>
    public static async Task ArrangeAsync(TestUser user, Func<LeadOpsDbContext, Task> arrange)
    {
        await using var scope = App.ScopeFor(user.Id);
        var db = App.Db(scope);
        await arrange(db);
        await db.SaveChangesAsync();
    }

    /// <summary>The user connects the sandbox's main page (its token checked with Graph, its forms read); returns the integration.</summary>
    public static async Task<int> ConnectMainPageAsync(TestUser user)
    {
        var connected = await SendAsync(user, new ConnectIntegration(SandboxSeed.MainPageToken, "Main page"));
        Assert.That(connected.IsSuccess, Is.True, connected.Detail ?? connected.Error);
        return connected.Value!.Id;
    }
}
