namespace LeadOps.GraphSandbox;

/// <summary>
/// A small deterministic generator (SplitMix64): the same seed gives the same sequence on every platform and
/// runtime version, which <see cref="Random"/> does not promise. Not thread-safe; callers hold a lock.
/// </summary>
internal sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A generator for one purpose, derived from the sandbox seed and a few numbers.</summary>
    public static SeededRandom For(int seed, long stream, long item = 0)
    {
        var mixed = Mix(Mix(Mix((ulong)(uint)seed) ^ (ulong)stream) ^ (ulong)item);
        return new SeededRandom(mixed);
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A number in [0, maxExclusive).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxExclusive, 1);
        return (int)(NextUInt64() % (ulong)maxExclusive);
    }

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with the given probability.</summary>
    public bool Chance(double probability) => probability > 0 && (probability >= 1 || NextDouble() < probability);

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary><paramref name="length"/> characters drawn from 0-9, A-Z and a-z (message ids, trace ids).</summary>
    public string NextBase62(int length)
    {
        const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(Base62[Next(Base62.Length)]);
        }

        return builder.ToString();
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
