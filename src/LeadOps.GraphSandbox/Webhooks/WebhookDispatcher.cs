using System.Security.Cryptography;
using System.Threading.Channels;

namespace LeadOps.GraphSandbox;

/// <summary>
/// Delivers webhook events in the background, in order, through one queue. Drops and duplicates are decided by a
/// random seeded from the sandbox seed when the event is published, so a seeded run is reproducible. A failing
/// callback is retried twice with a short backoff and then recorded as failed. Thread-safe.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    private const long SeedStream = 4;

    private readonly SandboxOptions _options;
    private readonly WebhookSender _sender = new();
    private readonly Channel<Job> _queue = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;
    private readonly Lock _gate = new();
    private readonly WebhookLog _log = new();
    private readonly Task _worker;
    private SeededRandom _random;
    private string? _callbackUrl;
    private long _nextId;
    private int _generation;
    private int _pending;
    private TaskCompletionSource? _drained;

    public WebhookDispatcher(SandboxOptions options)
    {
        _options = options;
        _callbackUrl = options.WebhookCallbackUrl;
        _random = SeededRandom.For(options.Seed, SeedStream);
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
                return _log.Snapshot();
            }
        }
    }

    /// <summary>How many deliveries are in each <see cref="WebhookDeliveryStatus"/>, then how many are duplicates.</summary>
    public Dictionary<string, int> CountByStatus()
    {
        var deliveries = Deliveries;
        var counts = Enum.GetValues<WebhookDeliveryStatus>().ToDictionary(s => s.ToString(), s => deliveries.Count(d => d.Status == s));
        counts["Duplicates"] = deliveries.Count(d => d.IsDuplicate);
        return counts;
    }

    /// <summary>Signs and queues one event for the page's subscribed callback.</summary>
    public void Publish(string field, string pageId, string body)
    {
        var signature = Sign(body, _options.AppSecret);
        var now = _options.TimeProvider.GetUtcNow();
        lock (_gate)
        {
            if (_callbackUrl is null || _random.Chance(_options.WebhookDropRate))
            {
                var status = _callbackUrl is null ? WebhookDeliveryStatus.NoCallback : WebhookDeliveryStatus.Dropped;
                _log.Append(new WebhookDelivery(++_nextId, field, pageId, body, signature, status, false, 0, null, null, now, now));
                return;
            }

            var copies = _random.Chance(_options.WebhookDuplicateRate) ? 2 : 1;
            for (var i = 0; i < copies; i++)
            {
                var delivery = new WebhookDelivery(++_nextId, field, pageId, body, signature, WebhookDeliveryStatus.Pending, i > 0, 0, null, null, now, null);
                _log.Append(delivery);
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
            _log.Clear(_nextId);
            _random = SeededRandom.For(_options.Seed, SeedStream);
        }
    }

    /// <summary>Stops the worker and frees its resources; a second call (the host and its owner both dispose) does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

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

        _sender.Dispose();
        _stopping.Dispose();
    }

    private static string Sign(string body, string appSecret)
    {
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(body));
        return "sha256=" + Convert.ToHexStringLower(hash);
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
            delivery = job.Generation == _generation ? _log.Find(job.DeliveryId) : null;
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

        var (attempts, status, error) = await _sender.PostAsync(job.Url, delivery, ct);
        lock (_gate)
        {
            if (job.Generation == _generation)
            {
                _log.Replace(delivery with
                {
                    Status = error is null ? WebhookDeliveryStatus.Delivered : WebhookDeliveryStatus.Failed,
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

    private sealed record Job(long DeliveryId, int Generation, string Url, DateTimeOffset DueAt);
}
