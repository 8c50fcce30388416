namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// The vertical lead fields (<see cref="GraphLeadMapper.VerticalFields"/>) each page's reads still ask for, after Graph
/// refused a read for one of them (<see cref="GraphLeadFields"/>): a webhook's lead read and a form's walk of the page start
/// from what is left, so one refusal does not cost every later lead a refused call, a second one and a warning. Per page
/// (one page's refusal never narrows another's), in memory only, for <see cref="FacebookOptions.RefusedLeadFieldsMemory"/>
/// from the last narrowing; then every field is asked again, as Graph may have granted the capability since. Zero turns
/// the memory off, at once for what is kept too. A page is forgotten once its time is up (expired pages are dropped at each
/// narrowing), so the memory holds at most the pages refused lately.
/// </summary>
internal sealed class GraphLeadFieldsMemory(TimeProvider clock, IOptionsMonitor<FacebookOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Narrowed> _byPage = new(StringComparer.Ordinal);

    /// <summary>The vertical fields a read for <paramref name="pageId"/> starts from.</summary>
    public IReadOnlyList<string> StartFor(string pageId)
    {
        lock (_gate)
        {
            return Live(pageId)?.Vertical ?? GraphLeadMapper.VerticalFields;
        }
    }

    /// <summary>
    /// Graph answered a read for <paramref name="pageId"/> without <paramref name="refused"/>. True when this left out a field
    /// the page's reads still asked for (the narrowing to say once), false when another read had already left it out.
    /// </summary>
    public bool Narrow(string pageId, IReadOnlyCollection<string> refused)
    {
        lock (_gate)
        {
            var known = Live(pageId)?.Vertical ?? GraphLeadMapper.VerticalFields;
            var left = known.Where(f => !refused.Contains(f)).ToList();
            if (left.Count == known.Count)
            {
                return false;
            }

            var now = clock.GetUtcNow();
            foreach (var stale in _byPage.Where(p => !IsLive(p.Value, now)).Select(p => p.Key).ToList())
            {
                _byPage.Remove(stale);
            }

            if (options.CurrentValue.RefusedLeadFieldsMemory > TimeSpan.Zero)
            {
                _byPage[pageId] = new Narrowed(left, now);
            }

            return true;
        }
    }

    /// <summary>Forgets every page (the next reads ask every field).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _byPage.Clear();
        }
    }

    private Narrowed? Live(string pageId)
    {
        if (!_byPage.TryGetValue(pageId, out var narrowed))
        {
            return null;
        }

        if (IsLive(narrowed, clock.GetUtcNow()))
        {
            return narrowed;
        }

        _byPage.Remove(pageId);
        return null;
    }

    /// <summary>Against the option as it is now: shortening it (to zero: off) shortens what is already kept.</summary>
    private bool IsLive(Narrowed narrowed, DateTimeOffset now) => now < narrowed.At + options.CurrentValue.RefusedLeadFieldsMemory;

    private sealed record Narrowed(IReadOnlyList<string> Vertical, DateTimeOffset At);
}
