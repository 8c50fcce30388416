namespace LeadOps.GraphSandbox;

/// <summary>
/// Records in the order they happened (requests, sent messages), read as a snapshot. When it holds
/// <paramref name="capacity"/> records, the oldest tenth goes before the next is added. Locks the state's one lock.
/// </summary>
internal sealed class RecordLog<T>(Lock gate, int capacity = int.MaxValue)
{
    private readonly List<T> _records = [];

    public IReadOnlyList<T> All
    {
        get
        {
            lock (gate)
            {
                return [.. _records];
            }
        }
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return _records.Count;
            }
        }
    }

    public void Add(T record)
    {
        lock (gate)
        {
            if (_records.Count >= capacity)
            {
                _records.RemoveRange(0, Math.Max(1, capacity / 10));
            }

            _records.Add(record);
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            _records.Clear();
        }
    }
}
