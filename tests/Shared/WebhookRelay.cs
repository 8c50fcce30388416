using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.TestSupport;

/// <summary>
/// A loopback webhook endpoint for the Graph sandbox that forwards every delivery (the exact bytes and the signature) to
/// the app's <c>/webhook</c>, for apps the sandbox cannot reach itself (an in-memory test server). While
/// <see cref="Hold"/> is on, deliveries are accepted and kept until <see cref="ReleaseAsync"/>, so a test can look at
/// the state between a send and its echo and delivery receipts without waiting on a clock.
/// </summary>
public sealed class WebhookRelay : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<(byte[] Body, string Signature)> _held = [];
    private bool _hold;

    private WebhookRelay(WebApplication app) => _app = app;

    /// <summary>Where the sandbox posts (<c>http://127.0.0.1:port/webhook</c>).</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The app's client; deliveries go to its <c>/webhook</c>.</summary>
    public HttpClient? Target { get; set; }

    public bool Hold
    {
        get
        {
            lock (_gate)
            {
                return _hold;
            }
        }

        set
        {
            lock (_gate)
            {
                _hold = value;
            }
        }
    }

    public static async Task<WebhookRelay> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var relay = new WebhookRelay(app);
        app.MapPost("/webhook", (Delegate)relay.ReceiveAsync);
        await app.StartAsync();
        relay.Url = new Uri(app.Urls.First().TrimEnd('/') + "/webhook");
        return relay;
    }

    /// <summary>Forwards what was held, in order, and stops holding.</summary>
    public async Task ReleaseAsync()
    {
        List<(byte[] Body, string Signature)> held;
        lock (_gate)
        {
            _hold = false;
            held = [.. _held];
            _held.Clear();
        }

        foreach (var (body, signature) in held)
        {
            await ForwardAsync(body, signature, CancellationToken.None);
        }
    }

    private async Task<IResult> ReceiveAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var signature = http.Request.Headers["X-Hub-Signature-256"].ToString();
        lock (_gate)
        {
            if (_hold)
            {
                _held.Add((buffer.ToArray(), signature));
                return Results.Ok();
            }
        }

        return Results.StatusCode(await ForwardAsync(buffer.ToArray(), signature, http.RequestAborted));
    }

    private async Task<int> ForwardAsync(byte[] body, string signature, CancellationToken ct)
    {
        var target = Target ?? throw new InvalidOperationException("The relay has no target yet.");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature);
        using var response = await target.SendAsync(request, ct);
        return (int)response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
