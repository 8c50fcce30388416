using System.Threading.Channels;

namespace LeadOps.Infrastructure.Leads;

/// <summary>
/// The retrieval worker's queue, fair between owners: each owner's runs wait in a line of their own, in the order they
/// were queued, and the next run taken is the first of the owner served longest ago (an owner not served yet first;
/// between those, whoever queued first). So one owner's twenty queued forms hold back another owner's single run by the
/// run already going at most, not by twenty. Safe to add to from any thread; one taker at a time.
/// </summary>
internal sealed class OwnerTurns<T>
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<(long Queued, T Item)>> _lines = new(StringComparer.Ordinal);

    /// <summary>When each owner was last served (the number of the take); kept while the process runs, one number per owner.</summary>
    private readonly Dictionary<string, long> _served = new(StringComparer.Ordinal);

    /// <summary>One token per run queued and not yet taken.</summary>
    private readonly Channel<bool> _waiting = Channel.CreateUnbounded<bool>();
    private long _queued;
    private long _taken;

    public void Add(string ownerId, T item)
    {
        lock (_lock)
        {
            if (!_lines.TryGetValue(ownerId, out var line))
            {
                _lines[ownerId] = line = new Queue<(long, T)>();
            }

            line.Enqueue((++_queued, item));
        }

        _waiting.Writer.TryWrite(true);
    }

    /// <summary>Waits for a run, then takes the next one by the rule above.</summary>
    public async Task<(string OwnerId, T Item)> TakeAsync(CancellationToken ct)
    {
        await _waiting.Reader.ReadAsync(ct);
        lock (_lock)
        {
            string? next = null;
            (long Served, long Queued) nextKey = default;
            foreach (var (owner, line) in _lines)
            {
                var key = (_served.GetValueOrDefault(owner), line.Peek().Queued);
                if (next is null || key.CompareTo(nextKey) < 0)
                {
                    (next, nextKey) = (owner, key);
                }
            }

            var taken = _lines[next!];
            var (_, item) = taken.Dequeue();
            if (taken.Count == 0)
            {
                _lines.Remove(next!);
            }

            _served[next!] = ++_taken;
            return (next!, item);
        }
    }
}
