namespace LeadOps.GraphSandbox;

/// <summary>
/// Posts one signed webhook body to the callback, as Meta does: <c>X-Hub-Signature-256</c> over the exact bytes, up to
/// three attempts with a short backoff. A refused connection or a timeout is an outcome, never an exception.
/// </summary>
internal sealed class WebhookSender : IDisposable
{
    private const int MaxAttempts = 3;
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400)];

    private readonly HttpClient _http;

    public WebhookSender()
    {
        _http = new HttpClient();
        _http.Timeout = TimeSpan.FromSeconds(10);
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("facebookexternalua");
    }

    /// <summary>Posts until the callback answers 2xx or the attempts run out; the last attempt's status or error.</summary>
    public async Task<(int Attempts, int? StatusCode, string? Error)> PostAsync(string url, WebhookDelivery delivery, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(delivery.Body);
        int? status = null;
        string? error = null;
        var attempts = 0;
        while (attempts < MaxAttempts)
        {
            if (attempts > 0)
            {
                await Task.Delay(Backoff[attempts - 1], ct);
            }

            attempts++;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url);
                request.Content = new ByteArrayContent(bytes);
                request.Content.Headers.ContentType = new("application/json");
                request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", delivery.Signature);
                using var response = await _http.SendAsync(request, ct);
                status = (int)response.StatusCode;
                error = response.IsSuccessStatusCode ? null : $"HTTP {status}";
                if (response.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // Connection refused, timeout, unsupported scheme…: recorded, never fatal for the queue.
                status = null;
                error = ex is TaskCanceledException ? "Timed out: " + ex.Message : ex.Message;
            }
        }

        return (attempts, status, error);
    }

    public void Dispose() => _http.Dispose();
}
