using System.Threading.Channels;

namespace LeadOps.Infrastructure.Common;

/// <summary>
/// Wakes a polling worker at once when work arrives on this node, instead of at its next poll. Other nodes find the
/// work at their next poll. One subclass per worker so each has its own singleton.
/// </summary>
public abstract class WorkerSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when woken or when <paramref name="timeout"/> (the poll interval) has passed.</summary>
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
            // the poll interval elapsed
        }
    }
}
