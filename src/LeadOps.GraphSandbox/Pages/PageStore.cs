namespace LeadOps.GraphSandbox;

/// <summary>The pages, by id. Locks the state's one lock.</summary>
internal sealed class PageStore(Lock gate) : SeededStore<PageState>(gate, "page", p => p.Id, p => p.Number)
{
    /// <summary>Replaces the pages with the seeded ones, their tokens issued relative to <paramref name="now"/>.</summary>
    public void Seed(DateTimeOffset now) =>
        Replace(SandboxSeed.Pages.Select(seed => new PageState(seed, TokenState.Seeded(seed, now))));
}
