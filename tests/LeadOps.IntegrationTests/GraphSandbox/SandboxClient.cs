using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LeadOps.GraphSandbox;

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
