namespace LeadOps.GraphSandbox;

/// <summary>Graph's <c>paging</c> object of an edge: the cursors of the page and the URLs of its neighbours.</summary>
internal sealed record PagingJson(PagingJson.CursorPair? Cursors, string? Previous, string? Next)
{
    internal sealed record CursorPair(string? Before, string? After);
}
