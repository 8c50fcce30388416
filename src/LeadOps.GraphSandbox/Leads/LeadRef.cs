namespace LeadOps.GraphSandbox;

/// <summary>A stored lead: only what is needed to page and to regenerate its answers.</summary>
internal readonly record struct LeadRef(long Sequence, long CreatedUnix, FormState Form)
{
    public const long IdBase = 1_500_000_000_000_000;

    public string Id => (IdBase + Sequence).ToString(CultureInfo.InvariantCulture);

    public PageKey Key => new(CreatedUnix, Sequence);

    public static PageKey KeyOf(LeadRef lead) => lead.Key;
}
