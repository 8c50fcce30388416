using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace LeadOps.TestSupport;

/// <summary>One webhook POST as the receiver saw it: the exact bytes and the signature header.</summary>
public sealed record ReceivedWebhook(byte[] Body, string? Signature)
{
    /// <summary>Every request header, by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
}

/// <summary>
/// The tests' one webhook endpoint for the Graph sandbox (<c>http://127.0.0.1:port/webhook</c>). It records every
/// delivery (exact bytes and signature). With <see cref="ForwardTo"/> set it passes each one on, unchanged, to that
/// client's <c>/webhook</c> (the app, which may run on an in-memory server the sandbox cannot reach) and answers what
/// the app answered; without it, it answers <see cref="StatusCode"/>. While <see cref="Hold"/> is on, deliveries are
/// accepted and kept until <see cref="ReleaseAsync"/>, so a test can look at the state between a send and its echo
/// and delivery receipts without waiting on a clock.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<ReceivedWebhook> _received = [];
    private readonly List<ReceivedWebhook> _held = [];
    private bool _hold;

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Where the sandbox posts.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The app's client: deliveries go on to its <c>/webhook</c>. Null: they stop here.</summary>
    public HttpClient? ForwardTo { get; set; }

    /// <summary>The answer to every delivery when nothing is forwarded (e.g. 500 to play a failing receiver).</summary>
    public int StatusCode { get; set; } = 200;

    /// <summary>Every delivery received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedWebhook> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

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

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/webhook", (Delegate)receiver.ReceiveAsync);
        await app.StartAsync();
        receiver.Url = new Uri(app.Urls.First().TrimEnd('/') + "/webhook");
        return receiver;
    }

    /// <summary>Forwards what was held, in order, and stops holding.</summary>
    public async Task ReleaseAsync()
    {
        List<ReceivedWebhook> held;
        lock (_gate)
        {
            _hold = false;
            held = [.. _held];
            _held.Clear();
        }

        foreach (var webhook in held)
        {
            await AnswerAsync(webhook, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        ForwardTo?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var webhook = new ReceivedWebhook(buffer.ToArray(), http.Request.Headers["X-Hub-Signature-256"].ToString())
        {
            Headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
        };
        lock (_gate)
        {
            _received.Add(webhook);
            if (_hold)
            {
                _held.Add(webhook);
                return Results.Ok();
            }
        }

        return Results.StatusCode(await AnswerAsync(webhook, http.RequestAborted));
    }

    private async Task<int> AnswerAsync(ReceivedWebhook webhook, CancellationToken ct)
    {
        if (ForwardTo is not { } target)
        {
            return StatusCode;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhook") { Content = new ByteArrayContent(webhook.Body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", webhook.Signature);
        using var response = await target.SendAsync(request, ct);
        return (int)response.StatusCode;
    }
}
