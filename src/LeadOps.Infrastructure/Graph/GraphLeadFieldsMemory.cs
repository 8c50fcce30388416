namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// The vertical lead fields (<see cref="GraphLeadMapper.VerticalFields"/>) each page's reads still ask for, after Graph
/// refused a read for one of them (<see cref="GraphLeadFields"/>): a webhook's lead read and a form's walk of the page start
/// from what is left, so one refusal does not cost every later lead a refused call, a second one and a warning. Per page
/// (one page's refusal never narrows another's), in memory only, for <see cref="FacebookOptions.RefusedLeadFieldsMemory"/>
/// from the last narrowing; then every field is asked again, as Graph may have granted the capability since. Zero turns
/// the memory off. A page is forgotten once its time is up, so the memory holds at most the pages refused lately.
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
    /// A read for <paramref name="pageId"/> was narrowed to <paramref name="vertical"/>. True when this left out a field the
    /// page's reads still asked for (the narrowing to say once), false when another read had already left it out.
    /// </summary>
    public bool Narrow(string pageId, IReadOnlyList<string> vertical)
    {
        var keepFor = options.CurrentValue.RefusedLeadFieldsMemory;
        lock (_gate)
        {
            var known = Live(pageId)?.Vertical ?? GraphLeadMapper.VerticalFields;
            var left = known.Where(vertical.Contains).ToList();
            if (left.Count == known.Count)
            {
                return false;
            }

            if (keepFor > TimeSpan.Zero)
            {
                _byPage[pageId] = new Narrowed(left, clock.GetUtcNow() + keepFor);
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

        if (clock.GetUtcNow() < narrowed.Until)
        {
            return narrowed;
        }

        _byPage.Remove(pageId);
        return null;
    }

    private sealed record Narrowed(IReadOnlyList<string> Vertical, DateTimeOffset Until);
}
