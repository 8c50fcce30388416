namespace LeadOps.GraphSandbox;

/// <summary>
/// A stored lead: only what is needed to page and to regenerate its answers. Its id is <paramref name="IdBase"/> plus its
/// sequence (<see cref="SandboxOptions.LeadIdBase"/>).
/// </summary>
internal readonly record struct LeadRef(long Sequence, long CreatedUnix, FormState Form, long IdBase)
{
    public string Id => (IdBase + Sequence).ToString(CultureInfo.InvariantCulture);

    public PageKey Key => new(CreatedUnix, Sequence);

    public static PageKey KeyOf(LeadRef lead) => lead.Key;
}
