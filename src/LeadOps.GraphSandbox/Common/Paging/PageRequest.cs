namespace LeadOps.GraphSandbox;

/// <summary>
/// The paging parameters of an edge call: <c>after</c> or <c>before</c> cursor and <c>limit</c> (capped). A time-based
/// next or previous URL (<see cref="FaultKind.TimeBasedPaging"/>) names its position with <see cref="PagingToken"/>, read
/// as <c>before</c> when the URL is a previous one (<see cref="PreviousMark"/>) and as <c>after</c> otherwise.
/// </summary>
internal sealed record PageRequest(PageKey? After, PageKey? Before, int Limit)
{
    public const string PagingToken = "__paging_token";

    public const string PreviousMark = "__previous";

    /// <summary>Reads <c>limit</c>, <c>after</c> and <c>before</c>; a larger limit than <paramref name="cap"/> is capped silently, as Graph does.</summary>
    public static GraphError? Parse(GraphCall call, int cap, out PageRequest request)
    {
        request = new PageRequest(null, null, Math.Min(call.State.Options.DefaultLimit, cap));
        var rawLimit = call.Param("limit");
        if (rawLimit is not null)
        {
            if (!int.TryParse(rawLimit, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) || asked < 1)
            {
                return GraphErrors.InvalidParameter("Param limit must be a positive integer");
            }

            request = request with { Limit = Math.Min(asked, cap) };
        }

        var timed = call.Param(PagingToken) is not null;
        var backwards = call.Param(PreviousMark) is not null;
        if (Cursor(call, timed && !backwards && call.Param("after") is null ? PagingToken : "after", out var after) is { } afterError)
        {
            return afterError;
        }

        if (Cursor(call, timed && backwards && call.Param("before") is null ? PagingToken : "before", out var before) is { } beforeError)
        {
            return beforeError;
        }

        request = request with { After = after, Before = before };
        return null;
    }

    private static GraphError? Cursor(GraphCall call, string name, out PageKey? key)
    {
        key = null;
        var raw = call.Param(name);
        if (raw is null)
        {
            return null;
        }

        if (!PageKey.TryDecode(raw, out var decoded))
        {
            return GraphErrors.InvalidParameter($"The {name} cursor is invalid or has expired");
        }

        key = decoded;
        return null;
    }
}
