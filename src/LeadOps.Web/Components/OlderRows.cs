namespace LeadOps.Web.Components;

/// <summary>
/// The foot of one list of a lead's page (its stage history, its notes): that older rows are kept and a link to them, and
/// on an older page a link back to the newest. <see cref="Key"/> is the query key of the list's cursor; the page's other
/// query values are kept, so each list pages on its own.
/// </summary>
public sealed record OlderRows(long LeadId, string Key, long? Before, long? Older, string Noun, string Anchor)
{
    public Dictionary<string, string> RouteWith(HttpRequest request, long? before)
    {
        var routes = request.Query.Where(kv => kv.Key is not ("id" or "handler") && kv.Key != Key).ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
        routes["id"] = LeadId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (before is { } id)
        {
            routes[Key] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return routes;
    }
}
