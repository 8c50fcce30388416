namespace LeadOps.GraphSandbox;

/// <summary>
/// The webhook deliveries, oldest first, addressable by id. Bounded: when full, the oldest tenth goes, and ids stay
/// addressable through an offset. Not thread-safe: the <see cref="WebhookDispatcher"/> holds its lock.
/// </summary>
internal sealed class WebhookLog
{
    private const int MaxLog = 20_000;

    private readonly List<WebhookDelivery> _log = [];
    private long _offset;

    public IReadOnlyList<WebhookDelivery> Snapshot() => [.. _log];

    public void Append(WebhookDelivery delivery)
    {
        if (_log.Count >= MaxLog)
        {
            var removed = MaxLog / 10;
            _log.RemoveRange(0, removed);
            _offset += removed;
        }

        _log.Add(delivery);
    }

    public WebhookDelivery? Find(long id)
    {
        var index = id - _offset - 1;
        return index >= 0 && index < _log.Count ? _log[(int)index] : null;
    }

    /// <summary>Puts the new version of a delivery (same id) in place of the old one, if the log still holds it.</summary>
    public void Replace(WebhookDelivery delivery)
    {
        var index = delivery.Id - _offset - 1;
        if (index >= 0 && index < _log.Count)
        {
            _log[(int)index] = delivery;
        }
    }

    /// <summary>Forgets every delivery; the next id to be appended is <paramref name="lastId"/> + 1.</summary>
    public void Clear(long lastId)
    {
        _log.Clear();
        _offset = lastId;
    }
}
