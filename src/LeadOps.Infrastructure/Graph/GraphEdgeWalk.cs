namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// Where a walk along a paged edge (leads, leadgen_forms) stands: the page to ask for next, by Graph's cursor or by the
/// time or offset parameters of its next URL (<see cref="GraphPagingCursor"/>). A page that names the very position it
/// was asked with is asked once more (the next answer often carries on); named again, the walk ends there
/// (<see cref="Repeated"/>), never in a loop. A walk that meets its items (<see cref="Meet"/>) also ends after
/// <see cref="SeenPagesInARowToEnd"/> pages in a row that bring none it had not met, each naming its next page by a new
/// cursor (<see cref="NothingNew"/>): Graph naming new cursors for ever over items already read. A next page at a position the walk already asked for (Graph's paging going
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

    /// <summary>
    /// Pages in a row that bring no item the walk had not met, each naming its next page by a new cursor, before the walk
    /// ends there (<see cref="NothingNew"/>). One such page can still be an overlap (leads that arrived during the walk
    /// move those already read onto the next page, most at small page sizes, down to one lead a page), and the pages after
    /// it hold leads never read; Graph naming new cursors for ever over the same items gives them without end. Three
    /// costs two extra calls on such a walk and leaves room for an overlap of two pages.
    /// </summary>
    public const int SeenPagesInARowToEnd = 3;

    /// <summary>What the last page of a walk that ended on items already read says to staff.</summary>
    public const string NothingNewWarning =
        "Graph kept returning leads this sync had already read, each time under a new paging cursor, so the walk stopped there. What was read is stored; the next sync reads this part of the form again.";

    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);
    private readonly HashSet<string> _met = new(StringComparer.Ordinal);
    private GraphNextPage? _at;
    private string? _askedAgain;
    private int _emptyInARow;
    private bool _pageBroughtNothingNew;
    private int _seenInARow;

    /// <summary>Whether the walk ended because Graph kept naming the same position.</summary>
    public bool Repeated { get; private set; }

    /// <summary>
    /// Whether the walk ended after <see cref="SeenPagesInARowToEnd"/> pages in a row of items all met before
    /// (<see cref="Meet"/>), each naming a next page by a new cursor.
    /// </summary>
    public bool NothingNew { get; private set; }

    /// <summary>What to tell staff about how the walk ended: Graph repeating a cursor, or pages of items already read; null otherwise.</summary>
    public string? Warning => Repeated ? GraphPagingCursor.RepeatedCursorWarning : NothingNew ? NothingNewWarning : null;

    /// <summary>Whether the page just read answered a position asked once more: the page already read, so nothing to judge by.</summary>
    private bool AnsweredAskedAgain => _askedAgain is not null && _askedAgain == _at?.Key;

    /// <summary>
    /// Every item of an edge read whole (a form's test leads), each once by <paramref name="idOf"/>: page after page until
    /// Graph names no next page, names the same one again, or gives pages of items all read already under ever new cursors
    /// (<see cref="SeenPagesInARowToEnd"/> in a row). Paging that goes round or keeps giving empty pages fails the read
    /// (<see cref="MoveTo"/>).
    /// </summary>
    public static async Task<IReadOnlyList<T>> ReadAllAsync<T>(
        Func<string?, Task<GraphListResponse<T>>> byCursor, Func<IDictionary<string, string>, Task<GraphListResponse<T>>> byPosition,
        Func<T, string?> idOf)
    {
        var walk = new GraphEdgeWalk();
        var items = new List<T>();
        while (true)
        {
            var page = await GraphCall.RunAsync(() => walk.AskAsync(byCursor, byPosition));
            var data = page.Data ?? [];
            items.AddRange(walk.Meet(data, idOf));
            if (!walk.MoveTo(GraphPagingCursor.NextPage(page.Paging), data.Count))
            {
                return items;
            }
        }
    }

    /// <summary>
    /// The items of the page just read that the walk had not met before, by <paramref name="idOf"/>; the next
    /// <see cref="MoveTo"/> counts the page if it held items, none of them new, and names its next page by a cursor
    /// (<see cref="NothingNew"/>). An
    /// item listed again among new ones is no sign of trouble (a lead that arrives during a walk moves the others on, so
    /// one can show on two pages): only a page without any new item ends the walk. An item without an id (a shape Meta
    /// does not document) cannot be told from one met before, so it always counts as new: a page of only such items goes
    /// on, rather than end the walk and leave the leads of later pages unread (the retrieval counts each such lead as
    /// failed, so none vanishes unseen). The answer to a position asked once more (<see cref="MoveTo"/>) is the page
    /// already read, so it never ends the walk this way.
    /// </summary>
    public IReadOnlyList<T> Meet<T>(IReadOnlyList<T> items, Func<T, string?> idOf)
    {
        var fresh = items.Where(item => idOf(item) is not { Length: > 0 } id || _met.Add(id)).ToList();
        _pageBroughtNothingNew = items.Count > 0 && fresh.Count == 0;
        return fresh;
    }

    /// <summary>Asks for the current page: by its cursor (null for the first page), or by the position its next URL named.</summary>
    public Task<T> AskAsync<T>(Func<string?, Task<T>> byCursor, Func<IDictionary<string, string>, Task<T>> byPosition) =>
        _at is { After: null } byTime ? byPosition(new Dictionary<string, string>(byTime.Position)) : byCursor(_at?.After);

    /// <summary>
    /// Moves on to <paramref name="next"/> from a page of <paramref name="items"/> items; false when the walk ends: no
    /// next page, a position named again (<see cref="Repeated"/>), or the <see cref="SeenPagesInARowToEnd"/>th page in a
    /// row that brought nothing new (<see cref="Meet"/>) and named its next page by a cursor (<see cref="NothingNew"/>).
    /// The checks run in that order: a page that names its own position is asked once more, and paging that goes round
    /// fails, whether or not the page brought anything new. Throws a <see cref="GraphApiException"/> when Graph's paging
    /// goes round or keeps giving empty pages: the caller hands over what it read first.
    /// </summary>
    public bool MoveTo(GraphNextPage? next, int items)
    {
        var broughtNothingNew = _pageBroughtNothingNew && !AnsweredAskedAgain;
        _pageBroughtNothingNew = false;
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
            return true;
        }

        if (!_asked.Add(next.Key))
        {
            throw Stuck("Graph's paging went back to a page it had already given (it goes round in a circle)");
        }

        if (_emptyInARow > MaxEmptyPagesInARow)
        {
            throw Stuck($"Graph gave more than {MaxEmptyPagesInARow} empty pages in a row, each naming another next page");
        }

        // Only a next page named by a cursor counts: a position (time or offset) moves with the leads that arrive during
        // the walk, so a page of leads already read is no sign of trouble there, and a position named again fails above.
        _seenInARow = broughtNothingNew && next.After is not null ? _seenInARow + 1 : 0;
        if (_seenInARow >= SeenPagesInARowToEnd)
        {
            NothingNew = true;
            return false;
        }

        _at = next;
        return true;
    }

    private static GraphApiException Stuck(string what) =>
        new(GraphCall.Unreadable(null, $"{what}, so LeadOps stopped following it. What was read is kept; the rest is asked for again next time."));
}
