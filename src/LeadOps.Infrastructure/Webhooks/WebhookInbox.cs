using System.Threading.Channels;
using LeadOps.Domain.Common;
using LeadOps.Infrastructure.Persistence;

namespace LeadOps.Infrastructure.Webhooks;

/// <summary>Stores a verified delivery durably (before Meta gets its 200) and wakes the worker.</summary>
public sealed class WebhookInbox(LeadOpsDbContext db, WebhookSignal signal, TimeProvider clock)
{
    public async Task<long> StoreAsync(string body, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var delivery = new WebhookDelivery { Body = body, ReceivedAt = now, NextAttemptAt = now };
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return delivery.Id;
    }
}

/// <summary>Lets the receiving endpoint wake the worker at once instead of waiting for its next poll.</summary>
public sealed class WebhookSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _channel.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // poll interval elapsed
        }
    }
}
