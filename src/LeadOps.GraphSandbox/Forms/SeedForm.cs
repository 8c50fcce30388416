namespace LeadOps.GraphSandbox;

/// <summary>A form of a seeded page: created <paramref name="Age"/> before the sandbox (re)starts.</summary>
internal sealed record SeedForm(string Id, string Name, string? Status, string Locale, FormTemplate Template, TimeSpan Age);
