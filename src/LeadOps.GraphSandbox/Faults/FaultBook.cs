namespace LeadOps.GraphSandbox;

/// <summary>The active fault rules and the seeded random transient faults. Thread-safe.</summary>
internal sealed class FaultBook
{
    private const long SeedStream = 3;

    private readonly Lock _gate = new();
    private readonly List<Entry> _rules = [];
    private readonly int _seed;
    private SeededRandom _random;

    public FaultBook(int seed, double transientFaultRate)
    {
        _seed = seed;
        _random = SeededRandom.For(seed, SeedStream);
        TransientFaultRate = transientFaultRate;
    }

    public double TransientFaultRate { get; set; }

    public IReadOnlyList<FaultRuleStatus> Statuses
    {
        get
        {
            lock (_gate)
            {
                return [.. _rules.Select(r => new FaultRuleStatus(r.Rule, r.Matched, r.Fired))];
            }
        }
    }

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.Validate();
        lock (_gate)
        {
            _rules.Add(new Entry(rule));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    public void Reset(double transientFaultRate)
    {
        lock (_gate)
        {
            _rules.Clear();
            _random = SeededRandom.For(_seed, SeedStream);
            TransientFaultRate = transientFaultRate;
        }
    }

    /// <summary>The rule that fires for this call, counting the call against every rule it matches.</summary>
    public FaultRule? Next(string route, string? pageId, string? formId, bool hasAfterCursor)
    {
        lock (_gate)
        {
            FaultRule? firing = null;
            foreach (var entry in _rules)
            {
                if (!entry.Rule.Matches(route, pageId, formId, hasAfterCursor))
                {
                    continue;
                }

                entry.Matched++;
                if (firing is null && entry.Matched > entry.Rule.AfterCalls && (entry.Rule.Times is null || entry.Fired < entry.Rule.Times))
                {
                    entry.Fired++;
                    firing = entry.Rule;
                }
            }

            return firing;
        }
    }

    /// <summary>A transient error drawn from the seeded random at <see cref="TransientFaultRate"/>, or null.</summary>
    public GraphError? RandomTransient()
    {
        lock (_gate)
        {
            if (!_random.Chance(TransientFaultRate))
            {
                return null;
            }

            return _random.Next(2) == 0 ? GraphErrors.Unknown() : GraphErrors.Unexpected();
        }
    }

    private sealed class Entry(FaultRule rule)
    {
        public FaultRule Rule { get; } = rule;

        public int Matched { get; set; }

        public int Fired { get; set; }
    }
}
