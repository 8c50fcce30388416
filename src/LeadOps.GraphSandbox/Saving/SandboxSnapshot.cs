namespace LeadOps.GraphSandbox;

/// <summary>
/// What the state file holds: when the world was seeded (its seeded leads, forms and tokens are rebuilt from that time
/// and <see cref="SandboxOptions.Seed"/>), and what was added or changed since that LeadOps may refer to later.
/// </summary>
internal sealed record SandboxSnapshot(
    int Seed,
    int InitialLeadsPerForm,
    DateTimeOffset SeededAt,
    long MessageCount,
    IReadOnlyList<SavedPage> Pages,
    IReadOnlyList<SavedForm> Forms,
    IReadOnlyList<SavedLead> Leads,
    IReadOnlyList<SavedCustomer> Customers)
{
    /// <summary>The lead id base the file was saved with (files from before it was kept were saved with the default).</summary>
    public long LeadIdBase { get; init; } = SandboxOptions.DefaultLeadIdBase;
}
