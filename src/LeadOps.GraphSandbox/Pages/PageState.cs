namespace LeadOps.GraphSandbox;

/// <summary>A seeded page and its page token. What else a page has (forms, customers, subscriptions) lives in those resources' stores.</summary>
internal sealed class PageState(SeedPage seed, TokenState token)
{
    public string Id { get; } = seed.Id;

    public string Name { get; } = seed.Name;

    public string Category { get; } = seed.Category;

    /// <summary>The page's place in <see cref="SandboxSeed"/> (1 for the main page): part of its generated ids.</summary>
    public int Number { get; } = seed.Number;

    public TokenState Token { get; } = token;

    /// <summary>How the page starts: its forms, its subscription.</summary>
    public SeedPage Seed { get; } = seed;

    /// <summary>
    /// False once the business customised Leads Access (Leads Access Manager) and left this app out: Graph's
    /// <c>has_lead_access</c> then says <c>can_access_lead: false</c>. Changed under the state's lock.
    /// </summary>
    public bool HasLeadAccess { get; set; } = true;
}
