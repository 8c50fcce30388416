namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// Where a walk along a paged edge (leads, leadgen_forms) stands: the page to ask for next, by Graph's cursor or by the
/// time or offset parameters of its next URL (<see cref="GraphPagingCursor"/>). A page that names the very position it
/// was asked with is asked once more (the next answer often carries on); named again, the walk ends there
/// (<see cref="Repeated"/>), never in a loop. A next page at a position the walk already asked for (Graph's paging going
/// round, A → B → A), or more than <see cref="MaxEmptyPagesInARow"/> empty pages in a row, stops the walk with a
/// failure: what was read is good, the rest of the edge was never reached.
/// </summary>
internal sealed class GraphEdgeWalk
{
    /// <summary>
    /// Empty pages that still name a next one, in a row, before the walk gives up. Graph sends some (items filtered out
    /// after the page was cut: expired or deleted leads, the time filter), so a few are not the end; a hundred in a row
    /// is 10,000 positions at the 100-item page without one item, a run whose position keeps changing without reaching
    /// anything. It costs at most a hundred calls of the page's leadgen budget (thousands a day) and seconds of a run.
    /// </summary>
    public const int MaxEmptyPagesInARow = 100;

    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);
    private GraphNextPage? _at;
    private string? _askedAgain;
    private int _emptyInARow;

    /// <summary>Whether the walk ended because Graph kept naming the same position.</summary>
    public bool Repeated { get; private set; }

    /// <summary>
    /// Every item of an edge read whole (a form's test leads), each once by <paramref name="idOf"/>: page after page until
    /// Graph names no next page, names the same one again, or gives a page of items all read already (paging that would
    /// otherwise go on for ever under ever new cursors). Paging that goes round or keeps giving empty pages fails the read
    /// (<see cref="MoveTo"/>).
    /// </summary>
    public static async Task<IReadOnlyList<T>> ReadAllAsync<T>(
        Func<string?, Task<GraphListResponse<T>>> byCursor, Func<IDictionary<string, string>, Task<GraphListResponse<T>>> byPosition,
        Func<T, string?> idOf)
    {
        var walk = new GraphEdgeWalk();
        var items = new List<T>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await GraphCall.RunAsync(() => walk.AskAsync(byCursor, byPosition));
            var data = page.Data ?? [];
            var fresh = data.Where(item => idOf(item) is not { } id || seen.Add(id)).ToList();
            items.AddRange(fresh);
            if ((data.Count > 0 && fresh.Count == 0) || !walk.MoveTo(GraphPagingCursor.NextPage(page.Paging), data.Count))
            {
                return items;
            }
        }
    }

    /// <summary>Asks for the current page: by its cursor (null for the first page), or by the position its next URL named.</summary>
    public Task<T> AskAsync<T>(Func<string?, Task<T>> byCursor, Func<IDictionary<string, string>, Task<T>> byPosition) =>
        _at is { After: null } byTime ? byPosition(new Dictionary<string, string>(byTime.Position)) : byCursor(_at?.After);

    /// <summary>
    /// Moves on to <paramref name="next"/> from a page of <paramref name="items"/> items; false when the walk ends: no
    /// next page, or a position named again. Throws a <see cref="GraphApiException"/> when Graph's paging goes round or
    /// keeps giving empty pages: the caller hands over what it read first.
    /// </summary>
    public bool MoveTo(GraphNextPage? next, int items)
    {
        if (next is null)
        {
            return false;
        }

        _emptyInARow = items == 0 ? _emptyInARow + 1 : 0;
        if (next.Key == _at?.Key)
        {
            if (_askedAgain == next.Key)
            {
                Repeated = true;
                return false;
            }

            _askedAgain = next.Key;
        }
        else if (!_asked.Add(next.Key))
        {
            throw Stuck("Graph's paging went back to a page it had already given (it goes round in a circle)");
        }
        else if (_emptyInARow > MaxEmptyPagesInARow)
        {
            throw Stuck($"Graph gave more than {MaxEmptyPagesInARow} empty pages in a row, each naming another next page");
        }

        _at = next;
        return true;
    }

    private static GraphApiException Stuck(string what) =>
        new(GraphCall.Unreadable(null, $"{what}, so LeadOps stopped following it. What was read is kept; the rest is asked for again next time."));
}
