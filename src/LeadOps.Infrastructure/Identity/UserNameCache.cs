using System.Collections.Concurrent;

namespace LeadOps.Infrastructure.Identity;

/// <summary>
/// Staff names by user id, for this process. <see cref="Forget"/> runs after a user's change is committed; a name read
/// from the database before that (its <see cref="Version"/> taken before the read) is not kept, so a rename is never
/// undone by a read that raced it. Other nodes cannot tell this one, so an entry lives <see cref="Lifetime"/> at most.
/// </summary>
internal sealed class UserNameCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (string Name, long Until)> _names = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _version;

    /// <summary>Changes whenever a name is forgotten.</summary>
    public long Version => Interlocked.Read(ref _version);

    public bool TryGet(string userId, out string? name)
    {
        name = null;
        if (!_names.TryGetValue(userId, out var entry) || clock.GetTimestamp() >= entry.Until)
        {
            return false;
        }

        name = entry.Name;
        return true;
    }

    /// <summary>
    /// Keeps <paramref name="name"/>, read from the database when the cache was at <paramref name="readAtVersion"/>,
    /// unless a user changed since (<see cref="Forget"/> ran in between: the name may be the old one). Checked and kept
    /// under the lock <see cref="Forget"/> takes, so no request ever sees a name read before the change it forgot.
    /// </summary>
    public void Set(string userId, string name, long readAtVersion)
    {
        lock (_gate)
        {
            if (_version == readAtVersion)
            {
                _names[userId] = (name, clock.GetTimestamp() + (long)(Lifetime.TotalSeconds * clock.TimestampFrequency));
            }
        }
    }

    public void Forget(string userId)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _version);
            _names.TryRemove(userId, out _);
        }
    }
}
