namespace LeadOps.GraphSandbox;

/// <summary>
/// Seeded things of one kind (pages, forms) by id, read in seed order. Locks the state's one lock; a reset replaces
/// them all.
/// </summary>
/// <param name="gate">The state's lock.</param>
/// <param name="kind">What the things are, as errors name them ("page": <c>Unknown page '…'</c>, parameter <c>pageId</c>).</param>
/// <param name="idOf">The id of a thing.</param>
/// <param name="numberOf">A thing's place in the seed.</param>
internal abstract class SeededStore<T>(Lock gate, string kind, Func<T, string> idOf, Func<T, int> numberOf)
    where T : class
{
    private readonly Dictionary<string, T> _items = [];

    /// <summary>Every one, in seed order.</summary>
    public IReadOnlyList<T> All
    {
        get
        {
            lock (Gate)
            {
                return [.. _items.Values.OrderBy(numberOf)];
            }
        }
    }

    protected Lock Gate { get; } = gate;

    /// <summary>The ones there are, in no set order; read under <see cref="Gate"/>.</summary>
    protected IEnumerable<T> Items => _items.Values;

    public T? Find(string id)
    {
        lock (Gate)
        {
            return _items.GetValueOrDefault(id);
        }
    }

    /// <exception cref="ArgumentException">None has the id.</exception>
    public T Require(string id)
    {
        lock (Gate)
        {
            return _items.GetValueOrDefault(id) ?? throw new ArgumentException($"Unknown {kind} '{id}'.", kind + "Id");
        }
    }

    /// <summary>One more, after the seed (a form created while the sandbox runs).</summary>
    protected void Add(T item)
    {
        lock (Gate)
        {
            _items.Add(idOf(item), item);
        }
    }

    protected void Replace(IEnumerable<T> items)
    {
        lock (Gate)
        {
            _items.Clear();
            foreach (var item in items)
            {
                _items.Add(idOf(item), item);
            }
        }
    }
}
