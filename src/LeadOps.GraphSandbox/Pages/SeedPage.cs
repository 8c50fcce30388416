namespace LeadOps.GraphSandbox;

/// <summary>A page of <see cref="SandboxSeed"/>: its identity, its token, whether it starts subscribed, and its forms.</summary>
internal sealed record SeedPage(
    string Id, string Name, string Category, string Token, IReadOnlyList<string> Scopes,
    SeedTokenState TokenState, bool Subscribed, int Number)
{
    public IReadOnlyList<SeedForm> Forms { get; } = FormTemplates.For(Number);
}
