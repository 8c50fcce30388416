namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// Where a walk along a paged edge (leads, leadgen_forms) stands: the page to ask for next, by Graph's cursor or by the
/// time or offset parameters of its next URL (<see cref="GraphPagingCursor"/>). A page that names the very position it
/// was asked with is asked once more (the next answer often carries on); named again, the walk ends there
/// (<see cref="Repeated"/>), never in a loop.
/// </summary>
internal sealed class GraphEdgeWalk
{
    private GraphNextPage? _at;
    private string? _askedAgain;

    /// <summary>Whether the walk ended because Graph kept naming the same position.</summary>
    public bool Repeated { get; private set; }

    /// <summary>Asks for the current page: by its cursor (null for the first page), or by the position its next URL named.</summary>
    public Task<T> AskAsync<T>(Func<string?, Task<T>> byCursor, Func<IDictionary<string, string>, Task<T>> byPosition) =>
        _at is { After: null } byTime ? byPosition(new Dictionary<string, string>(byTime.Position)) : byCursor(_at?.After);

    /// <summary>Moves on to <paramref name="next"/>; false when the walk ends: no next page, or a position named again.</summary>
    public bool MoveTo(GraphNextPage? next)
    {
        if (next is null)
        {
            return false;
        }

        if (next.Key == _at?.Key)
        {
            if (_askedAgain == next.Key)
            {
                Repeated = true;
                return false;
            }

            _askedAgain = next.Key;
        }

        _at = next;
        return true;
    }
}
