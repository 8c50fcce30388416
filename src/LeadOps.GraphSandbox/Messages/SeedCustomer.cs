namespace LeadOps.GraphSandbox;

/// <summary>A customer of the main page at start: the messages they wrote, the last one <paramref name="LastMessageAge"/> ago.</summary>
internal sealed record SeedCustomer(string Psid, string Name, TimeSpan LastMessageAge, bool BlockedPage, IReadOnlyList<string> Messages);
