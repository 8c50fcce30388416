using Microsoft.Extensions.Primitives;

namespace LeadOps.Web.Pages.Leads;

/// <summary>
/// The Leads page's list as its query names it: the filters, the stage and the page (<c>cursor</c>), without what
/// belongs to one view of the page (the handler, the retrieve panel's choice and its preview). The page's render and the
/// live region's refresh (<c>?handler=List</c>) build the list's links from it alike (the bulk move's return address,
/// the stage filters, Older leads, the refresh's own address), so a link never carries a retrieval preview along: the
/// GET after a move would preview the retrieval again, calling Graph.
/// </summary>
internal static class LeadListQuery
{
    /// <summary>The list's part of the query, every value kept.</summary>
    public static IEnumerable<KeyValuePair<string, StringValues>> Of(IQueryCollection query) =>
        query.Where(kv => !OfOneView(kv.Key));

    /// <summary>The list's filters as route values, without the page (<c>cursor</c>), for a link to set what it changes.</summary>
    public static Dictionary<string, string> Routes(IQueryCollection query) =>
        Of(query).Where(kv => !Is(kv.Key, "cursor")).ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The address of the list as shown (its page included): where a move from the list comes back to.</summary>
    public static string ReturnUrl(HttpRequest request) =>
        request.Path + QueryString.Create(Of(request.Query).SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v))));

    private static bool OfOneView(string key) =>
        Is(key, "handler") || Is(key, "preview") || key.StartsWith("retrieve", StringComparison.OrdinalIgnoreCase);

    private static bool Is(string key, string name) => string.Equals(key, name, StringComparison.OrdinalIgnoreCase);
}
