using System.Security.Cryptography;
using System.Threading.Channels;

namespace LeadOps.GraphSandbox;

/// <summary>What happened to one webhook delivery.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Queued, not yet posted (or waiting for its delay).</summary>
    Pending,

    /// <summary>The callback answered 2xx.</summary>
    Delivered,

    /// <summary>The callback answered non-2xx or could not be reached, after the retries.</summary>
    Failed,

    /// <summary>Deliberately not sent (the seeded drop rate).</summary>
    Dropped,

    /// <summary>Not sent because no callback URL is configured.</summary>
    NoCallback,
}

/// <summary>One webhook POST (or a dropped one). <see cref="Body"/> is the exact text that was signed.</summary>
public sealed record WebhookDelivery(
    long Id,
    string Field,
    string PageId,
    string Body,
    string Signature,
    WebhookDeliveryStatus Status,
    bool IsDuplicate,
    int Attempts,
    int? StatusCode,
    string? Error,
    DateTimeOffset QueuedAt,
    DateTimeOffset? CompletedAt);

/// <summary>Builds the webhook payloads Meta sends, byte for byte in Meta's shape and escaping.</summary>
internal static class WebhookPayloads
{
    public static string Leadgen(string pageId, string formId, string leadId, long createdUnix, string? adId, long timeUnix, bool idsAsNumbers)
    {
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("object", "page");
            w.WriteStartArray("entry");
            w.WriteStartObject();
            WriteId(w, "id", pageId, idsAsNumbers);
            w.WriteNumber("time", timeUnix);
            w.WriteStartArray("changes");
            w.WriteStartObject();
            w.WriteString("field", "leadgen");
            w.WriteStartObject("value");
            WriteId(w, "leadgen_id", leadId, idsAsNumbers);
            WriteId(w, "page_id", pageId, idsAsNumbers);
            WriteId(w, "form_id", formId, idsAsNumbers);
            if (adId is not null)
            {
                WriteId(w, "adgroup_id", adId, idsAsNumbers);
                WriteId(w, "ad_id", adId, idsAsNumbers);
            }

            w.WriteNumber("created_time", createdUnix);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    public static string CustomerMessage(string pageId, string psid, string mid, string text, long timeMs) =>
        Messaging(pageId, timeMs, w =>
        {
            WriteParty(w, "sender", psid);
            WriteParty(w, "recipient", pageId);
            w.WriteNumber("timestamp", timeMs);
            w.WriteStartObject("message");
            w.WriteString("mid", mid);
            w.WriteString("text", text);
            w.WriteEndObject();
        });

    public static string Echo(string pageId, string psid, string mid, string text, string appId, long timeMs) =>
        Messaging(pageId, timeMs, w =>
        {
            WriteParty(w, "sender", pageId);
            WriteParty(w, "recipient", psid);
            w.WriteNumber("timestamp", timeMs);
            w.WriteStartObject("message");
            w.WriteBoolean("is_echo", true);
            WriteId(w, "app_id", appId, asNumber: true);
            w.WriteString("mid", mid);
            w.WriteString("text", text);
            w.WriteEndObject();
        });

    public static string Delivery(string pageId, string psid, string mid, long watermarkMs) =>
        Messaging(pageId, watermarkMs, w =>
        {
            WriteParty(w, "sender", psid);
            WriteParty(w, "recipient", pageId);
            w.WriteStartObject("delivery");
            w.WriteStartArray("mids");
            w.WriteStringValue(mid);
            w.WriteEndArray();
            w.WriteNumber("watermark", watermarkMs);
            w.WriteEndObject();
        });

    private static string Messaging(string pageId, long timeMs, Action<Utf8JsonWriter> writeEvent) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("object", "page");
        w.WriteStartArray("entry");
        w.WriteStartObject();
        w.WriteString("id", pageId);
        w.WriteNumber("time", timeMs);
        w.WriteStartArray("messaging");
        w.WriteStartObject();
        writeEvent(w);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WriteParty(Utf8JsonWriter w, string name, string id)
    {
        w.WriteStartObject(name);
        w.WriteString("id", id);
        w.WriteEndObject();
    }

    /// <summary>Writes an id as a number when asked and possible (Meta's samples), otherwise as a string.</summary>
    private static void WriteId(Utf8JsonWriter w, string name, string id, bool asNumber)
    {
        if (asNumber && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            w.WriteNumber(name, number);
        }
        else
        {
            w.WriteString(name, id);
        }
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = GraphJson.Options.Encoder }))
        {
            write(writer);
        }

        return GraphJson.MetaEscape(Encoding.UTF8.GetString(stream.ToArray()));
    }
}

/// <summary>
/// Delivers webhook events in the background, in order, through one queue. Drops and duplicates are decided by a
/// random seeded from the sandbox seed when the event is published, so a seeded run is reproducible. A failing
/// callback is retried twice with a short backoff and then recorded as failed. Thread-safe.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    private const int MaxAttempts = 3;
    private const int MaxLog = 20_000;
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400)];

    private readonly SandboxOptions _options;
    private readonly HttpClient _http;
    private readonly Channel<Job> _queue = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<WebhookDelivery> _log = [];
    private readonly Task _worker;
    private SeededRandom _random;
    private string? _callbackUrl;
    private long _nextId;
    private long _logOffset;
    private int _generation;
    private int _pending;
    private TaskCompletionSource? _drained;

    public WebhookDispatcher(SandboxOptions options)
    {
        _options = options;
        _callbackUrl = options.WebhookCallbackUrl;
        _random = SeededRandom.For(options.Seed, 4);
        _http = new HttpClient();
        _http.Timeout = TimeSpan.FromSeconds(10);
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("facebookexternalua");
        _worker = Task.Run(RunAsync);
    }

    public string? CallbackUrl
    {
        get
        {
            lock (_gate)
            {
                return _callbackUrl;
            }
        }

        set
        {
            if (value is not null && !Uri.TryCreate(value, UriKind.Absolute, out _))
            {
                throw new ArgumentException("The callback must be an absolute URL.", nameof(value));
            }

            lock (_gate)
            {
                _callbackUrl = value;
            }
        }
    }

    public IReadOnlyList<WebhookDelivery> Deliveries
    {
        get
        {
            lock (_gate)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>Signs and queues one event for the page's subscribed callback.</summary>
    public void Publish(string field, string pageId, string body)
    {
        var signature = Sign(body, _options.AppSecret);
        var now = _options.TimeProvider.GetUtcNow();
        lock (_gate)
        {
            if (_callbackUrl is null)
            {
                Append(new WebhookDelivery(++_nextId, field, pageId, body, signature, WebhookDeliveryStatus.NoCallback, false, 0, null, null, now, now));
                return;
            }

            if (_random.Chance(_options.WebhookDropRate))
            {
                Append(new WebhookDelivery(++_nextId, field, pageId, body, signature, WebhookDeliveryStatus.Dropped, false, 0, null, null, now, now));
                return;
            }

            var copies = _random.Chance(_options.WebhookDuplicateRate) ? 2 : 1;
            for (var i = 0; i < copies; i++)
            {
                var delivery = new WebhookDelivery(++_nextId, field, pageId, body, signature, WebhookDeliveryStatus.Pending, i > 0, 0, null, null, now, null);
                Append(delivery);
                _pending++;
                _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _queue.Writer.TryWrite(new Job(delivery.Id, _generation, _callbackUrl, DateTimeOffset.UtcNow + _options.WebhookDelay));
            }
        }
    }

    /// <summary>Completes when every queued delivery has been posted (or has failed).</summary>
    public Task WhenDrainedAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            return _drained is null ? Task.CompletedTask : _drained.Task.WaitAsync(ct);
        }
    }

    /// <summary>Forgets the log and re-seeds the random; deliveries still queued are discarded. The callback URL stays.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _generation++;
            _log.Clear();
            _logOffset = _nextId;
            _random = SeededRandom.For(_options.Seed, 4);
        }
    }

    public static string Sign(string body, string appSecret)
    {
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(body));
        return "sha256=" + Convert.ToHexStringLower(hash);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        try
        {
            await _worker;
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        lock (_gate)
        {
            _drained?.TrySetResult();
            _drained = null;
        }

        _http.Dispose();
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var ct = _stopping.Token;
        await foreach (var job in _queue.Reader.ReadAllAsync(ct))
        {
            try
            {
                await DeliverAsync(job, ct);
            }
            finally
            {
                Done();
            }
        }
    }

    private async Task DeliverAsync(Job job, CancellationToken ct)
    {
        WebhookDelivery? delivery;
        lock (_gate)
        {
            delivery = job.Generation == _generation ? Find(job.DeliveryId) : null;
        }

        if (delivery is null)
        {
            return;
        }

        var wait = job.DueAt - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, ct);
        }

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
                using var request = new HttpRequestMessage(HttpMethod.Post, job.Url);
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

        var outcome = error is null ? WebhookDeliveryStatus.Delivered : WebhookDeliveryStatus.Failed;
        lock (_gate)
        {
            if (job.Generation == _generation)
            {
                Replace(delivery with
                {
                    Status = outcome,
                    Attempts = attempts,
                    StatusCode = status,
                    Error = error,
                    CompletedAt = _options.TimeProvider.GetUtcNow(),
                });
            }
        }
    }

    private void Done()
    {
        lock (_gate)
        {
            _pending--;
            if (_pending == 0 && _drained is not null)
            {
                _drained.TrySetResult();
                _drained = null;
            }
        }
    }

    private void Append(WebhookDelivery delivery)
    {
        if (_log.Count >= MaxLog)
        {
            // Keep the log bounded; ids stay addressable through the offset.
            var removed = MaxLog / 10;
            _log.RemoveRange(0, removed);
            _logOffset += removed;
        }

        _log.Add(delivery);
    }

    private WebhookDelivery? Find(long id)
    {
        var index = id - _logOffset - 1;
        return index >= 0 && index < _log.Count ? _log[(int)index] : null;
    }

    private void Replace(WebhookDelivery delivery)
    {
        var index = delivery.Id - _logOffset - 1;
        if (index >= 0 && index < _log.Count)
        {
            _log[(int)index] = delivery;
        }
    }

    private sealed record Job(long DeliveryId, int Generation, string Url, DateTimeOffset DueAt);
}
