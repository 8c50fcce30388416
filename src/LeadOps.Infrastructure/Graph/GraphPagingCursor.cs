namespace LeadOps.Infrastructure.Graph;

/// <summary>Where the next page starts: none without <c>paging.next</c>; otherwise <c>cursors.after</c>, or the <c>after</c> in the next URL.</summary>
internal static class GraphPagingCursor
{
    public static string? NextAfter(GraphPagingDto? paging, string? currentAfter)
    {
        if (string.IsNullOrEmpty(paging?.Next))
        {
            return null;
        }

        var after = paging.Cursors?.After;
        if (string.IsNullOrEmpty(after))
        {
            after = AfterFromUrl(paging.Next);
        }

        if (string.IsNullOrEmpty(after))
        {
            throw new GraphApiException(GraphCall.Unreadable(null, "Graph announced a next page without an 'after' cursor"));
        }

        if (after == currentAfter)
        {
            throw new GraphApiException(GraphCall.Unreadable(null, "Graph returned the same 'after' cursor twice; paging stopped to avoid a loop"));
        }

        return after;
    }

    private static string? AfterFromUrl(string next)
    {
        if (!Uri.TryCreate(next, UriKind.Absolute, out var uri))
        {
            return null;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0 && pair.AsSpan(0, separator).SequenceEqual("after"))
            {
                return Uri.UnescapeDataString(pair[(separator + 1)..]);
            }
        }

        return null;
    }
}
