namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// Where the next page starts: none without <c>paging.next</c>; otherwise <c>cursors.after</c>, or the <c>after</c> in the
/// next URL. A cursor that repeats the one just asked for is Graph's to explain: the caller asks it once more, then
/// takes the page as the last (<see cref="RepeatedCursorWarning"/>).
/// </summary>
internal static class GraphPagingCursor
{
    public const string RepeatedCursorWarning =
        "Graph kept giving back the same paging cursor (a page that names itself as the next one), so the walk stopped there. What was read is stored; the next sync reads this part of the form again.";

    /// <summary>The cursor of the next page, or null on the last page.</summary>
    public static string? Next(GraphPagingDto? paging)
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

        return string.IsNullOrEmpty(after)
            ? throw new GraphApiException(GraphCall.Unreadable(null, "Graph announced a next page without an 'after' cursor"))
            : after;
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
