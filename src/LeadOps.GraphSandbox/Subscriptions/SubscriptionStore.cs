namespace LeadOps.GraphSandbox;

/// <summary>The webhook fields the app is subscribed to on each page: they decide which webhooks a page sends. Locks the state's one lock.</summary>
internal sealed class SubscriptionStore(Lock gate)
{
    private readonly Dictionary<PageState, HashSet<string>> _fields = [];

    /// <summary>The page's subscribed fields, in ordinal order.</summary>
    public IReadOnlyList<string> FieldsOf(PageState page)
    {
        lock (gate)
        {
            return [.. Of(page).Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Whether the page sends webhooks of any of these fields.</summary>
    public bool Has(PageState page, params ReadOnlySpan<string> fields)
    {
        lock (gate)
        {
            var subscribed = Of(page);
            foreach (var field in fields)
            {
                if (subscribed.Contains(field))
                {
                    return true;
                }
            }

            return false;
        }
    }

    public void Add(PageState page, IEnumerable<string> fields)
    {
        lock (gate)
        {
            Of(page).UnionWith(fields);
        }
    }

    /// <summary>Replaces the page's fields (none: the app is not subscribed).</summary>
    public void Set(PageState page, IEnumerable<string> fields)
    {
        lock (gate)
        {
            var subscribed = Of(page);
            subscribed.Clear();
            subscribed.UnionWith(fields);
        }
    }

    /// <summary>Subscribes the seeded pages that start subscribed to <see cref="SandboxSeed.DefaultSubscribedFields"/>.</summary>
    public void Seed(IEnumerable<PageState> pages)
    {
        lock (gate)
        {
            _fields.Clear();
            foreach (var page in pages)
            {
                _fields.Add(page, page.Seed.Subscribed ? [.. SandboxSeed.DefaultSubscribedFields] : []);
            }
        }
    }

    /// <summary>A page's fields; an empty set, kept nowhere, for a page of the world before a reset.</summary>
    private HashSet<string> Of(PageState page) => _fields.GetValueOrDefault(page) ?? [];
}
