using System.Collections;

namespace LeadOps.Application.Common.Graph;

/// <summary>
/// What Graph listed on an edge, read as a list; the listings that derive from it add what Graph's paging let them
/// know about the rest (<see cref="Integrations.FacebookLeadFormList"/>, <see cref="Leads.FacebookLeadPage"/>).
/// </summary>
public abstract class GraphListing<T>(IReadOnlyList<T> items) : IReadOnlyList<T>
{
    public int Count => items.Count;

    public T this[int index] => items[index];

    public IEnumerator<T> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
