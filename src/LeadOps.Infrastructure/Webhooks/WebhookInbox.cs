using System.Threading.Channels;

namespace LeadOps.Infrastructure.Webhooks;

/// <summary>
/// Stores a verified delivery durably (before Meta gets its 200) and wakes the worker. Deliveries that arrive
/// together are written together: one writer takes whatever is queued (up to <see cref="MaxBatch"/> deliveries, and
/// no more once <see cref="MaxBatchChars"/> characters are taken) and stores it in one SaveChanges, and each caller returns only once its row is committed. Many concurrent requests then cost a
/// few commits instead of one each, and they never queue on the database's write lock (SQLite) one by one.
/// </summary>
public sealed class WebhookInbox(IServiceScopeFactory scopes, WebhookSignal signal, TimeProvider clock, ILogger<WebhookInbox> logger) : IAsyncDisposable
{
    public const int MaxBatch = 256;

    /// <summary>A burst of large deliveries (up to 16 MB each) is written in several saves, not one huge transaction.</summary>
    public const int MaxBatchChars = 16 * 1024 * 1024;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private Task? _writer;

    public Task<long> StoreAsync(string body, CancellationToken cancellationToken)
    {
        var pending = new Pending(body, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        EnsureWriter();
        // A caller that gives up still gets its delivery stored: a later retry from Meta is deduplicated by lead id.
        return pending.Stored.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer is { } writer)
        {
            await writer;
        }
    }

    private void EnsureWriter()
    {
        if (_writer is not null)
        {
            return;
        }

        lock (_gate)
        {
            _writer ??= Task.Run(WriteAsync);
        }
    }

    private async Task WriteAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            var chars = 0L;
            while (batch.Count < MaxBatch && chars < MaxBatchChars && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                chars += pending.Body.Length;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
                var now = clock.GetUtcNow();
                var rows = batch.Select(p => new WebhookDelivery { Body = p.Body, ReceivedAt = now, NextAttemptAt = now }).ToList();
                db.WebhookDeliveries.AddRange(rows);
                await db.SaveChangesAsync();
                signal.Wake();
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Stored.TrySetResult(rows[i].Id);
                }
            }
            catch (Exception ex)
            {
                // Nothing of the batch was committed: every caller answers an error and Meta delivers again.
                logger.LogError(ex, "Storing {Count} webhook deliveries failed", batch.Count);
                foreach (var pending in batch)
                {
                    pending.Stored.TrySetException(ex);
                }
            }

            batch.Clear();
        }
    }

    private sealed record Pending(string Body, TaskCompletionSource<long> Stored);
}
