using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace LeadOps.IntegrationTests.Inbox.Support;

/// <summary>What the hub pushes to a staff member's open pages.</summary>
public sealed record InboxChange(Guid ConversationId, string Kind, long? MessageId);

/// <summary>
/// A staff member's live connection to the real Inbox hub (SignalR over the test server, authenticated with their API
/// key). Tests wait on it instead of sleeping: a condition is checked now and again after every change pushed to this
/// user, until it holds or the time limit is reached.
/// </summary>
public sealed class InboxProbe : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly List<InboxChange> _changes = [];
    private readonly HubConnection _connection;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private InboxProbe(HubConnection connection) => _connection = connection;

    public IReadOnlyList<InboxChange> Changes
    {
        get
        {
            lock (_gate)
            {
                return [.. _changes];
            }
        }
    }

    public static Task<InboxProbe> ConnectAsync(TestApp app, TestUser user) => ConnectAsync(app, user.ApiKey);

    /// <summary>Connects with a bearer key; with the admin key, <paramref name="adminUserId"/> goes in X-Admin-User-ID.</summary>
    public static async Task<InboxProbe> ConnectAsync(TestApp app, string apiKey, string? adminUserId = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/inbox"), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(apiKey);
                if (adminUserId is not null)
                {
                    o.Headers["X-Admin-User-ID"] = adminUserId;
                }
            })
            .Build();
        var probe = new InboxProbe(connection);
        connection.On<InboxChange>("inboxChanged", probe.Add);
        await connection.StartAsync();
        Assert.That(await connection.InvokeAsync<string>("Ready"), Is.EqualTo("ready"));
        return probe;
    }

    /// <summary>Waits until <paramref name="check"/> returns a value (checked now and after every pushed change).</summary>
    public async Task<T> WaitForAsync<T>(string what, Func<Task<T?>> check)
        where T : class
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            Task next;
            lock (_gate)
            {
                next = _next.Task;
            }

            if (await check() is { } result)
            {
                return result;
            }

            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out after {Timeout.TotalSeconds} s waiting for {what}.");
            }
        }
    }

    public Task WaitUntilAsync(string what, Func<Task<bool>> condition) =>
        WaitForAsync(what, async () => await condition() ? string.Empty : null);

    private void Add(InboxChange change)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            _changes.Add(change);
            done = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        done.TrySetResult();
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
