namespace LeadOps.GraphSandbox;

/// <summary>Keyset paging over a list sorted ascending by key, returned newest (largest key) first.</summary>
internal static class KeysetPager
{
    /// <param name="sorted">Items sorted ascending by <paramref name="keyOf"/>.</param>
    /// <param name="keyOf">The key of an item.</param>
    /// <param name="minTime">Smallest time allowed (inclusive).</param>
    /// <param name="maxTime">Largest time allowed (inclusive).</param>
    /// <param name="request">Cursors and page size.</param>
    public static KeysetPage<T> Page<T>(IReadOnlyList<T> sorted, Func<T, PageKey> keyOf, long minTime, long maxTime, PageRequest request)
    {
        var lo = LowerBound(sorted, keyOf, new PageKey(minTime, long.MinValue));
        var hi = maxTime == long.MaxValue ? sorted.Count : LowerBound(sorted, keyOf, new PageKey(maxTime + 1, long.MinValue));
        if (hi <= lo)
        {
            return new KeysetPage<T>([], null, null, false, false);
        }

        int from; // inclusive index of the oldest item of the page
        int to;   // exclusive index after the newest item of the page
        if (request.Before is { } b)
        {
            from = Math.Max(lo, UpperBound(sorted, keyOf, b));
            to = Math.Min(hi, from + request.Limit);
        }
        else
        {
            to = request.After is { } a ? Math.Min(hi, LowerBound(sorted, keyOf, a)) : hi;
            from = Math.Max(lo, to - request.Limit);
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

        // The page before this one, of the same size, ended at this page's cursor; it was asked after the item just newer than it.
        var back = request.Before is null && request.After is not null && to + request.Limit < hi ? keyOf(sorted[to + request.Limit]) : (PageKey?)null;
        return new KeysetPage<T>(items, keyOf(items[0]), keyOf(items[^1]), HasNext: from > lo, HasPrevious: to < hi, back);
    }

    /// <summary>First index whose key is at least <paramref name="key"/>.</summary>
    public static int LowerBound<T>(IReadOnlyList<T> sorted, Func<T, PageKey> keyOf, PageKey key) =>
        FirstIndexAfter(sorted, keyOf, key, includingEqual: false);

    /// <summary>First index whose key is greater than <paramref name="key"/>.</summary>
    public static int UpperBound<T>(IReadOnlyList<T> sorted, Func<T, PageKey> keyOf, PageKey key) =>
        FirstIndexAfter(sorted, keyOf, key, includingEqual: true);

    /// <summary>Binary search: the first index not below <paramref name="key"/> (nor equal to it when <paramref name="includingEqual"/>).</summary>
    private static int FirstIndexAfter<T>(IReadOnlyList<T> sorted, Func<T, PageKey> keyOf, PageKey key, bool includingEqual)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var order = keyOf(sorted[mid]).CompareTo(key);
            if (order < 0 || (includingEqual && order == 0))
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
