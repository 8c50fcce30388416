namespace LeadOps.GraphSandbox;

/// <summary>The webhook fields the app is subscribed to on each page: they decide which webhooks a page sends. Locks the state's one lock.</summary>
internal sealed class SubscriptionStore(Lock gate)
{
    private readonly Dictionary<PageState, HashSet<string>> _fields = [];
    private readonly Dictionary<PageState, List<SubscribedApp>> _otherApps = [];

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

    /// <summary>Other apps installed on the page, in the order they were installed.</summary>
    public IReadOnlyList<SubscribedApp> OtherAppsOf(PageState page)
    {
        lock (gate)
        {
            return [.. _otherApps.GetValueOrDefault(page) ?? []];
        }
    }

    /// <summary>Installs <paramref name="count"/> more apps of other vendors on the page, each subscribed to <c>messages</c>.</summary>
    public void InstallOtherApps(PageState page, int count)
    {
        lock (gate)
        {
            if (!_otherApps.TryGetValue(page, out var apps))
            {
                _otherApps[page] = apps = [];
            }

            for (var i = 0; i < count; i++)
            {
                var id = (9_100_000_000_000 + apps.Count + 1).ToString(CultureInfo.InvariantCulture);
                apps.Add(new SubscribedApp($"https://sandbox.leadops.invalid/apps/{id}", $"Other app {apps.Count + 1}", id, ["messages"]));
            }
        }
    }

    /// <summary>Subscribes the seeded pages that start subscribed to <see cref="SandboxSeed.DefaultSubscribedFields"/>.</summary>
    public void Seed(IEnumerable<PageState> pages)
    {
        lock (gate)
        {
            _fields.Clear();
            _otherApps.Clear();
            foreach (var page in pages)
            {
                _fields.Add(page, page.Seed.Subscribed ? [.. SandboxSeed.DefaultSubscribedFields] : []);
            }
        }
    }

    /// <summary>A page's fields; an empty set, kept nowhere, for a page of the world before a reset.</summary>
    private HashSet<string> Of(PageState page) => _fields.GetValueOrDefault(page) ?? [];
}
