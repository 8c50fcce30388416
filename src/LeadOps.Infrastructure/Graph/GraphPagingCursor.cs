namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// Where the next page starts: none without <c>paging.next</c>; otherwise <c>cursors.after</c>, or the <c>after</c> in the
/// next URL, or, for a next URL that pages by time or offset as Graph's "Paginated Results" prints it (<c>until</c>,
/// <c>since</c>, <c>offset</c>, with Graph's <c>__paging_token</c>), those parameters. A position that repeats the one just
/// asked for is Graph's to explain: the caller asks it once more, then takes the page as the last
/// (<see cref="RepeatedCursorWarning"/>).
/// </summary>
internal static class GraphPagingCursor
{
    public const string RepeatedCursorWarning =
        "Graph kept giving back the same paging cursor (a page that names itself as the next one), so the walk stopped there. What was read is stored; the next sync reads this part of the form again.";

    /// <summary>The parameters of a next URL that name where a time- or offset-paged edge goes on.</summary>
    private static readonly string[] PositionParameters = ["until", "since", "offset", "__paging_token", "__after_id"];

    /// <summary>Where the next page starts, or null on the last page.</summary>
    public static GraphNextPage? NextPage(GraphPagingDto? paging)
    {
        if (string.IsNullOrEmpty(paging?.Next))
        {
            return null;
        }

        var query = Query(paging.Next);
        var after = paging.Cursors?.After;
        if (string.IsNullOrEmpty(after))
        {
            after = query.GetValueOrDefault("after");
        }

        if (!string.IsNullOrEmpty(after))
        {
            return new GraphNextPage(after, new Dictionary<string, string>());
        }

        var position = query.Where(p => PositionParameters.Contains(p.Key) && p.Value.Length > 0).ToDictionary(StringComparer.Ordinal);
        return position.Count > 0
            ? new GraphNextPage(null, position)
            : throw new GraphApiException(GraphCall.Unreadable(null, "Graph announced a next page without an 'after' cursor"));
    }

    /// <summary>The query of a next URL, each name once (the first wins); none when it is not an absolute URL.</summary>
    private static Dictionary<string, string> Query(string next)
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Uri.TryCreate(next, UriKind.Absolute, out var uri))
        {
            return query;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0)
            {
                query.TryAdd(Uri.UnescapeDataString(pair[..separator]), Uri.UnescapeDataString(pair[(separator + 1)..]));
            }
        }

        return query;
    }
}

/// <summary>
/// The next page of an edge: Graph's <paramref name="After"/> cursor, or (without one) the time or offset parameters of
/// its next URL in <paramref name="Position"/>.
/// </summary>
internal sealed record GraphNextPage(string? After, IReadOnlyDictionary<string, string> Position)
{
    /// <summary>What tells one position from another: the same key twice is a page that names itself as the next one.</summary>
    public string Key => After ?? string.Join('&', Position.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
