using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LeadOps.GraphSandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.GraphSandbox;

/// <summary>A Graph answer: status, parsed JSON body and headers.</summary>
public sealed record GraphAnswer(HttpStatusCode Status, JsonElement Json, HttpResponseHeaders Headers)
{
    public int ErrorCode => Json.GetProperty("error").GetProperty("code").GetInt32();

    public int? ErrorSubcode =>
        Json.GetProperty("error").TryGetProperty("error_subcode", out var s) ? s.GetInt32() : null;

    public string ErrorMessage => Json.GetProperty("error").GetProperty("message").GetString()!;

    public bool IsError => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("error", out _);

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}

/// <summary>Calls the sandbox over loopback the way a Graph client would.</summary>
public sealed class SandboxClient(Uri baseAddress) : IDisposable
{
    public const string Version = "v25.0";

    public HttpClient Http { get; } = new() { BaseAddress = baseAddress };

    public Task<GraphAnswer> GetAsync(string pathAndQuery, string? token = SandboxSeed.MainPageToken) =>
        SendAsync(HttpMethod.Get, pathAndQuery, token, null);

    public Task<GraphAnswer> PostJsonAsync(string pathAndQuery, object body, string? token = SandboxSeed.MainPageToken) =>
        SendAsync(HttpMethod.Post, pathAndQuery, token, JsonContent(body));

    public Task<GraphAnswer> SendToAsync(string psid, string text, string messagingType = "RESPONSE", string? tag = null, string pageId = SandboxSeed.MainPageId)
    {
        var body = tag is null
            ? (object)new { recipient = new { id = psid }, messaging_type = messagingType, message = new { text } }
            : new { recipient = new { id = psid }, messaging_type = messagingType, tag, message = new { text } };
        return PostJsonAsync($"{pageId}/messages", body);
    }

    /// <summary>Sends to a full URL (e.g. <c>paging.next</c>) or a path under the version.</summary>
    public async Task<GraphAnswer> SendAsync(HttpMethod method, string pathAndQuery, string? token, HttpContent? content)
    {
        var uri = pathAndQuery.StartsWith("http", StringComparison.Ordinal)
            ? new Uri(pathAndQuery)
            : new Uri(Http.BaseAddress!, $"{Version}/{pathAndQuery}");
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && text[0] is '{' or '[' ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return new GraphAnswer(response.StatusCode, json, response.Headers);
    }

    public static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public void Dispose() => Http.Dispose();
}

/// <summary>One webhook POST as the receiver saw it: the raw bytes and the signature header.</summary>
public sealed record ReceivedWebhook(byte[] Body, string? Signature)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
}

/// <summary>A tiny webhook endpoint on 127.0.0.1 that records what it receives and answers a chosen status.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ReceivedWebhook> _received = [];
    private readonly Lock _gate = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public int StatusCode { get; set; } = 200;

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

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/webhook", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            lock (receiver._gate)
            {
                receiver._received.Add(new ReceivedWebhook(buffer.ToArray(), http.Request.Headers["X-Hub-Signature-256"].ToString()));
            }

            return Results.StatusCode(receiver.StatusCode);
        });
        await app.StartAsync();
        var address = app.Urls.First();
        receiver.Url = new Uri(address.TrimEnd('/') + "/webhook");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Starts a fresh sandbox (and client) for every test.</summary>
public abstract class SandboxTestBase
{
    protected GraphSandboxServer Server { get; private set; } = null!;

    protected SandboxClient Client { get; private set; } = null!;

    protected SandboxState State => Server.State;

    protected virtual SandboxOptions CreateOptions() => new();

    [SetUp]
    public async Task StartSandbox()
    {
        Server = await GraphSandboxServer.StartAsync(CreateOptions());
        Client = new SandboxClient(Server.BaseAddress);
    }

    [TearDown]
    public async Task StopSandbox()
    {
        Client.Dispose();
        await Server.DisposeAsync();
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
}
