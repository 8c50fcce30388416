using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Logging;

namespace LeadOps.IntegrationTests.Graph.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 with scripted answers per method and path, standing in for Graph until the sandbox is
/// available. Every request is recorded as it arrived on the wire.
/// </summary>
public sealed class ScriptedGraphServer : IAsyncDisposable
{
    public const string Version = "v25.0";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedResponse>> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<RecordedRequest, ScriptedResponse>> _responders = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Lock _waitLock = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    private ScriptedGraphServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<ScriptedGraphServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedGraphServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.Single());
        return server;
    }

    /// <summary>Queues answers for <paramref name="path"/> (without the version), used once each, in order.</summary>
    public void Enqueue(string method, string path, params ScriptedResponse[] responses)
    {
        var queue = _queues.GetOrAdd(Key(method, path), _ => new ConcurrentQueue<ScriptedResponse>());
        foreach (var response in responses)
        {
            queue.Enqueue(response);
        }
    }

    /// <summary>Answers every request to <paramref name="path"/> that has no queued answer left.</summary>
    public void Respond(string method, string path, Func<RecordedRequest, ScriptedResponse> responder) =>
        _responders[Key(method, path)] = responder;

    public int CountRequests(string method, string path) => _requests.Count(r => r.Method == method && r.Path == path);

    /// <summary>Completes when at least <paramref name="count"/> requests have arrived.</summary>
    public Task WaitForRequestsAsync(int count)
    {
        lock (_waitLock)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task;
        }
    }

    public void Reset()
    {
        _queues.Clear();
        _responders.Clear();
        _requests.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        var prefix = "/" + Version;
        if (path.StartsWith(prefix + "/", StringComparison.Ordinal))
        {
            path = path[prefix.Length..];
        }

        using var reader = new StreamReader(http.Request.Body);
        var recorded = new RecordedRequest(
            http.Request.Method,
            path,
            http.Request.GetEncodedPathAndQuery(),
            http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            http.Request.Headers.Authorization.FirstOrDefault(),
            await reader.ReadToEndAsync(http.RequestAborted));
        Record(recorded);

        var key = Key(recorded.Method, path);
        var response = _queues.TryGetValue(key, out var queue) && queue.TryDequeue(out var queued)
            ? queued
            : _responders.TryGetValue(key, out var responder)
                ? responder(recorded)
                : ScriptedResponse.GraphError(100, message: $"No scripted response for {key}");

        if (response.Hang)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }

            return;
        }

        http.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            http.Response.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            http.Response.ContentType = "application/json; charset=UTF-8";
            await http.Response.WriteAsync(response.Body, http.RequestAborted);
        }
    }

    private void Record(RecordedRequest request)
    {
        _requests.Enqueue(request);
        lock (_waitLock)
        {
            var count = _requests.Count;
            foreach (var waiter in _waiters.Where(w => w.Count <= count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }
    }

    private static string Key(string method, string path) => $"{method.ToUpperInvariant()} {path}";
}
