namespace LeadOps.GraphSandbox;

/// <summary>
/// A position in an edge: items are ordered by (time, sequence), newest first. Cursors name a position, not an
/// offset, so items added during a walk never make the walk repeat or skip the others.
/// </summary>
internal readonly record struct PageKey(long Time, long Sequence) : IComparable<PageKey>
{
    /// <summary>Before every item (the start of a newest-first walk).</summary>
    public static readonly PageKey Start = new(long.MaxValue, long.MaxValue);

    public int CompareTo(PageKey other)
    {
        var byTime = Time.CompareTo(other.Time);
        return byTime != 0 ? byTime : Sequence.CompareTo(other.Sequence);
    }

    public string Encode() => Encode($"k1:{Time}:{Sequence}");

    /// <summary>
    /// The same position under a new cursor, as Graph gives after a page whose items were all filtered out (an empty
    /// page that still has <c>next</c>): the cursor changes even though no item was returned.
    /// </summary>
    public string EncodeAgain(long nonce) => Encode($"k1:{Time}:{Sequence}:{nonce}");

    private static string Encode(string text) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? cursor, out PageKey key)
    {
        key = default;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 100)
        {
            return false;
        }

        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(base64)).Split(':');
            if (parts.Length is 3 or 4 && parts[0] == "k1"
                && long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var time)
                && long.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var sequence))
            {
                key = new PageKey(time, sequence);
                return true;
            }
        }
        catch (FormatException)
        {
            // Not a cursor of ours.
        }

        return false;
    }
}

/// <summary>One page of an edge, newest first.</summary>
internal sealed record KeysetPage<T>(IReadOnlyList<T> Items, PageKey? First, PageKey? Last, bool HasNext, bool HasPrevious);

/// <summary>Keyset paging over a list sorted ascending by key, returned newest (largest key) first.</summary>
internal static class KeysetPager
{
    /// <param name="sorted">Items sorted ascending by <paramref name="keyOf"/>.</param>
    /// <param name="minTime">Smallest time allowed (inclusive).</param>
    /// <param name="maxTime">Largest time allowed (inclusive).</param>
    public static KeysetPage<T> Page<T>(
        IReadOnlyList<T> sorted, Func<T, PageKey> keyOf, long minTime, long maxTime, PageKey? after, PageKey? before, int limit)
    {
        var lo = LowerBound(sorted, keyOf, new PageKey(minTime, long.MinValue));
        var hi = maxTime == long.MaxValue ? sorted.Count : LowerBound(sorted, keyOf, new PageKey(maxTime + 1, long.MinValue));
        if (hi <= lo)
        {
            return new KeysetPage<T>([], null, null, false, false);
        }

        int from; // inclusive index of the oldest item of the page
        int to;   // exclusive index after the newest item of the page
        if (before is { } b)
        {
            from = Math.Max(lo, UpperBound(sorted, keyOf, b));
            to = Math.Min(hi, from + limit);
        }
        else
        {
            to = after is { } a ? Math.Min(hi, LowerBound(sorted, keyOf, a)) : hi;
            from = Math.Max(lo, to - limit);
        }

        if (to <= from)
        {
            return new KeysetPage<T>([], null, null, false, to < hi);
        }

        var items = new T[to - from];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = sorted[to - 1 - i];
        }

        return new KeysetPage<T>(items, keyOf(items[0]), keyOf(items[^1]), HasNext: from > lo, HasPrevious: to < hi);
    }

    /// <summary>First index whose key is at least <paramref name="key"/>.</summary>
    public static int LowerBound<T>(IReadOnlyList<T> sorted, Func<T, PageKey> keyOf, PageKey key)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (keyOf(sorted[mid]).CompareTo(key) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>First index whose key is greater than <paramref name="key"/>.</summary>
    public static int UpperBound<T>(IReadOnlyList<T> sorted, Func<T, PageKey> keyOf, PageKey key)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (keyOf(sorted[mid]).CompareTo(key) <= 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
